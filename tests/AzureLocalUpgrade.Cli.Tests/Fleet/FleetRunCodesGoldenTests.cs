using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Fleet;

/// <summary>
/// The fleet commands' own codes (ALU7100–ALU7199) as an operator meets them: each case in
/// TestData/fleet-run-codes is one command line against a prepared store, and its golden is the exact exit code and
/// standard error (stdout stays empty), then the same command with the JSON switch and its exact JSON document.
/// Run with ALU_UPDATE_GOLDENS=1 to rewrite the goldens from what alu prints now (then review the diff).
/// </summary>
public sealed partial class FleetRunCodesGoldenTests : IDisposable
{
    /// <summary>The codes no command line can produce, and why; every other code needs a case.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotFromTheCommandLine = new Dictionary<string, string>
    {
        // The fleet plan checks every window before a run is recorded (ALU7005), so a window that does not parse can
        // only reach a cluster job from a store another alu version wrote. ClusterRunner fails that cluster with it;
        // Fleet.Tests' ClusterWindowInvalidTests records such a window in a store directly.
        ["ALU7105"] = "a window the fleet plan did not check, read back from the store when a cluster job compiles it",
    };

    private const string Marker = "--- ";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-fleet-codes-" + Guid.NewGuid().ToString("N")[..12]);

    public FleetRunCodesGoldenTests() => Directory.CreateDirectory(_folder);

    private static string Root => AluProcess.RepositoryRoot;

    private static string CasesFolder => Path.Combine(Root, "tests", "AzureLocalUpgrade.Cli.Tests", "TestData", "fleet-run-codes");

    public static TheoryData<string> Cases() => [.. Directory.GetFiles(CasesFolder, "*.golden").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FleetCommand_BadInput_ShouldPrintItsGoldenDiagnosticAndExit2(string name)
    {
        var path = Path.Combine(CasesFolder, name);
        var golden = GoldenCase.Read(path);
        await PrepareAsync(golden.Setup);

        var text = await CliRun.Of(Root, [.. golden.Args.Select(Expand)]);
        var actual = new StringBuilder().Append(golden.Header).Append($"exit {text.ExitCode}\n{Marker}stderr\n").Append(Placeholders(text.Error));
        text.Out.Should().BeEmpty("a refusal writes nothing on stdout in text form");
        if (golden.JsonArgs is { } jsonArgs)
        {
            var json = await CliRun.Of(Root, [.. golden.Args.Concat(jsonArgs).Select(Expand)]);
            actual.Append($"{Marker}json exit {json.ExitCode}\n").Append(Placeholders(json.Out));
            json.Error.Should().BeEmpty("with the JSON switch the diagnostic is the JSON document on stdout");
        }

        if (Environment.GetEnvironmentVariable("ALU_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(path, actual.ToString());
        }

        actual.ToString().Should().Be(File.ReadAllText(path));
        Directory.Exists(Path.Combine(_folder, "state")).Should().BeFalse("a refused fleet run records and starts nothing");
    }

    [Theory]
    [MemberData(nameof(FleetRunCodes))]
    public void FleetRunCode_ShouldHaveACommandLineCaseOrSayWhyItCannot(string code)
    {
        var covered = Directory.GetFiles(CasesFolder, "*.golden").Any(f => File.ReadAllText(f).Contains($"error {code}: ", StringComparison.Ordinal));

        (covered || NotFromTheCommandLine.ContainsKey(code)).Should().BeTrue($"{code} needs a case in {CasesFolder} or a reason in {nameof(NotFromTheCommandLine)}");
        (covered && NotFromTheCommandLine.ContainsKey(code)).Should().BeFalse($"{code} has a case, so it needs no reason");
    }

    public static TheoryData<string> FleetRunCodes() =>
        [.. Type.GetType("AzureLocalUpgrade.Fleet.Running.FleetRunCodes, AzureLocalUpgrade.Fleet", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task PrepareAsync(string setup)
    {
        var store = Path.Combine(_folder, "store.db");
        switch (setup)
        {
            case "empty":
                break;
            case "junk-store":
                File.WriteAllText(store, "not a database\n");
                break;
            case "fleet-12-started":
                var start = await CliRun.Of(Root, "fleet", "start", Path.Combine(Root, "samples", "fleets", "fleet-12.yaml"), "--db", store);
                start.ExitCode.Should().Be(0, start.Error);
                break;
            default:
                throw new InvalidOperationException($"unknown setup '{setup}' (empty, junk-store, fleet-12-started)");
        }
    }

    private string Expand(string arg) => arg.Replace("{folder}", _folder, StringComparison.Ordinal);

    private string Placeholders(string output) => output.Replace(_folder, "{folder}", StringComparison.Ordinal);

    /// <summary>A case: its <c># </c> header (title, setup, args, JSON switch) and the rest, the golden output.</summary>
    private sealed partial record GoldenCase(string Header, string Setup, IReadOnlyList<string> Args, IReadOnlyList<string>? JsonArgs)
    {
        public static GoldenCase Read(string path)
        {
            var header = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList();
            string Value(string key) => header.Single(l => l.StartsWith($"# {key}: ", StringComparison.Ordinal))[$"# {key}: ".Length..];
            var json = Value("json");
            return new GoldenCase(
                string.Concat(header.Select(l => l + "\n")),
                Value("setup"),
                Words(Value("args")),
                json.StartsWith("none", StringComparison.Ordinal) ? null : Words(json));
        }

        // Words split at spaces; a word in double quotes keeps its spaces and may be empty.
        private static List<string> Words(string line) =>
            [.. Word().Matches(line).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value)];

        [GeneratedRegex("\"(?<quoted>[^\"]*)\"|(?<bare>[^\\s\"]+)")]
        private static partial Regex Word();
    }
}
