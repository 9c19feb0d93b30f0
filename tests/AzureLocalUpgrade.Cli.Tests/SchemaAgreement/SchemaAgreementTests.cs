using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Cli.Tests.SchemaAgreement;

/// <summary>
/// What an editor shows is what <c>alu validate</c> says: for every case of tests/schema-agreement/corpus (valid/ and
/// invalid/) and every shipped runbook, fragment and inventory, ajv with schemas/*.json and alu give the same verdict,
/// and the verdict the corpus folder declares. For an invalid case alu reports the specific codes its first line names,
/// and nothing else (no unreadable oneOf fan-out before them).
/// </summary>
public sealed partial class SchemaAgreementTests
{
    private static readonly string Corpus = Path.Combine(IndependentValidator.Folder, "corpus");

    private static readonly Lazy<IReadOnlyDictionary<string, (bool Valid, string Errors)>> Ajv =
        new(() => IndependentValidator.Check([.. AllCases().Select(c => c.Path)]));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in AllCases())
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> InvalidCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, valid) in AllCases().Where(c => !c.Valid))
        {
            data.Add(name);
        }

        return data;
    }

    [NeedsNodeTheory]
    [MemberData(nameof(Cases))]
    public async Task Ajv_and_alu_validate_give_the_declared_verdict(string name)
    {
        var (_, path, valid) = AllCases().Single(c => c.Name == name);

        var ajv = Ajv.Value[path];
        var alu = await CliRun.Of(Path.GetDirectoryName(path)!, "validate", Path.GetFileName(path));

        ajv.Valid.Should().Be(valid, $"ajv said {ajv.Errors}");
        (alu.ExitCode == 0).Should().Be(valid, $"alu said {alu.Error}");
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Alu_reports_an_invalid_case_with_exactly_its_specific_codes(string name)
    {
        var (_, path, _) = AllCases().Single(c => c.Name == name);
        var declared = CodePattern().Matches(File.ReadLines(path).First()).Select(m => m.Value).Order().ToList();

        var alu = await CliRun.Of(Path.GetDirectoryName(path)!, "validate", Path.GetFileName(path));

        declared.Should().NotBeEmpty("the first line of an invalid case names the codes alu must report");
        CodePattern().Matches(alu.Error).Select(m => m.Value).Distinct().Order().Should().Equal(declared, alu.Error);
        ErrorLine().Matches(alu.Error).Count.Should().Be(declared.Count, $"one message per mistake: {alu.Error}");
    }

    private static IEnumerable<(string Name, string Path, bool Valid)> AllCases()
    {
        foreach (var verdict in new[] { "valid", "invalid" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Corpus, verdict), "*.yaml").Order(StringComparer.Ordinal))
            {
                yield return ($"{verdict}/{System.IO.Path.GetFileName(file)}", file, verdict == "valid");
            }
        }

        var root = Harness.AluProcess.RepositoryRoot;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "runbooks"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "samples", "clusters"), "*.yaml"))
            .Order(StringComparer.Ordinal))
        {
            yield return ("shipped/" + System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), file, true);
        }
    }

    [GeneratedRegex(@"ALU[0-9]{4}")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\S+:\d+:\d+: error ALU", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
