using System.Reflection;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// Every code in the catalog is exercised by a fixture and documented, so none is dead or unexplained; the fleet
/// codes (ALU7xxx, in the Fleet projects) are found in the source and held to the same: documented, every documented
/// one real, each defined once, each expected by a test or a golden.
/// </summary>
public sealed partial class DiagnosticCatalogCoverageTests
{
    // The schema fallback exists for keywords without a dedicated message; the shipped schemas use none of them,
    // so no document can reach it. Only this code may lack a fixture.
    private static readonly string[] UnreachableByDesign = [DiagnosticCodes.SchemaOther];

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in AllCodes())
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_InCatalog_ShouldHaveAnInvalidFixtureExpectingIt(string code)
    {
        if (UnreachableByDesign.Contains(code))
        {
            return;
        }

        var expected = InvalidCorpusTests.AllFixturePaths().SelectMany(path => CorpusCase.Read(path).Expected);

        expected.Should().Contain(e => e.StartsWith(code + " ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_InCatalog_ShouldHaveAnEntryInDiagnosticsDoc(string code)
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));

        doc.Should().Contain($"## {code}: ");
    }

    [Fact]
    public void Codes_InCatalog_ShouldBeUniqueAndWellFormed()
    {
        var codes = AllCodes().ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(c => CodePattern().IsMatch(c).Should().BeTrue(c));
    }

    [Fact]
    public void DiagnosticsDoc_Entries_ShouldAllBeCodesInTheCatalog()
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));
        var documented = DocEntry().Matches(doc).Select(m => m.Groups[1].Value);

        documented.Should().BeSubsetOf(AllCodes().Concat(RunInputCodes()).Concat(InputCodes()));
    }

    [Fact]
    public void RunInputCodes_ShouldEachHaveAnEntryInDiagnosticsDoc()
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));

        RunInputCodes().Should().AllSatisfy(code => doc.Should().Contain($"## {code}: "));
    }

    [Fact]
    public void InputCodes_ShouldEachHaveAnEntryInDiagnosticsDoc()
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));

        InputCodes().Should().AllSatisfy(code => doc.Should().Contain($"## {code}: "));
    }

    // The fleet codes (ALU7xxx) live in the Fleet projects, which this project does not reference: they are read from
    // the code base's source, where each is one string constant (FleetCodes, FleetRunCodes, RunStoreCodes, DashboardCodes).
    [Fact]
    public void FleetCodes_InTheCodeBase_ShouldEachHaveAnEntryInDiagnosticsDoc()
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));

        FleetCodesInSource().Keys.Should().AllSatisfy(code => doc.Should().Contain($"## {code}: "));
    }

    [Fact]
    public void DiagnosticsDoc_FleetEntries_ShouldAllBeCodesInTheCodeBase()
    {
        var doc = File.ReadAllText(Path.Combine(ValidRunbookTests.RepositoryRoot(), "docs", "diagnostics.md"));
        var documented = FleetDocEntry().Matches(doc).Select(m => m.Groups[1].Value);

        documented.Should().BeSubsetOf(FleetCodesInSource().Keys);
    }

    [Fact]
    public void FleetCodes_InTheCodeBase_ShouldBeDefinedOnce()
    {
        FleetCodesInSource().Where(c => c.Value.Count > 1).Select(c => $"{c.Key}: {string.Join(", ", c.Value)}").Should().BeEmpty();
    }

    [Fact]
    public void FleetCodes_InTheCodeBase_ShouldEachBeExpectedByATest()
    {
        var root = Path.Combine(ValidRunbookTests.RepositoryRoot(), "tests");
        var tests = Directory.GetFiles(root, "*Tests.cs", SearchOption.AllDirectories).Concat(Directory.GetFiles(root, "*.golden", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(nameof(DiagnosticCatalogCoverageTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        FleetCodeConstants().Select(c => c.Code).Should().BeEquivalentTo(FleetCodesInSource().Keys, "every fleet code is a constant of a *Codes class");

        // A test names a code by its text or by its constant (DashboardCodes.RoleUnknown).
        FleetCodeConstants().Where(c => !tests.Any(t => t.Contains(c.Code, StringComparison.Ordinal) || t.Contains(c.Constant, StringComparison.Ordinal)))
            .Select(c => $"{c.Code} ({c.Constant})").Should().BeEmpty();
    }

    /// <summary>Each fleet code constant under engine/ as Class.Name, with its code.</summary>
    private static List<(string Code, string Constant)> FleetCodeConstants() =>
        [.. Directory.GetFiles(Path.Combine(ValidRunbookTests.RepositoryRoot(), "engine"), "*Codes.cs", SearchOption.AllDirectories)
            .SelectMany(f => FleetCodeConstant().Matches(File.ReadAllText(f))
                .Select(m => (m.Groups["code"].Value, $"{Path.GetFileNameWithoutExtension(f)}.{m.Groups["name"].Value}")))];

    /// <summary>Each ALU7xxx string literal under engine/, with the files that define it.</summary>
    private static Dictionary<string, List<string>> FleetCodesInSource()
    {
        var engine = Path.Combine(ValidRunbookTests.RepositoryRoot(), "engine");
        return Directory.GetFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => FleetCodeLiteral().Matches(File.ReadAllText(f)).Select(m => (Code: m.Groups[1].Value, File: Path.GetRelativePath(engine, f))))
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.File).ToList(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> InputCodes() =>
        typeof(InputCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> RunInputCodes() =>
        typeof(RunInputCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex(@"^ALU[1-6]\d{3}$")]
    private static partial Regex CodePattern();

    // The Engine's codes (ALU1xxx-ALU6xxx); the fleet codes (ALU7xxx) belong to the Fleet projects, whose tests check their own.
    [GeneratedRegex(@"^## (ALU[1-6]\d{3}):", RegexOptions.Multiline)]
    private static partial Regex DocEntry();

    [GeneratedRegex(@"^## (ALU7\d{3}):", RegexOptions.Multiline)]
    private static partial Regex FleetDocEntry();

    [GeneratedRegex(@"""(ALU7\d{3})""")]
    private static partial Regex FleetCodeLiteral();

    [GeneratedRegex(@"const string (?<name>\w+) = ""(?<code>ALU7\d{3})""")]
    private static partial Regex FleetCodeConstant();
}
