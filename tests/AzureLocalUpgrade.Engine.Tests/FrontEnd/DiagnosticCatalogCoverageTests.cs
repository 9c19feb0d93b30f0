using System.Reflection;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Every code in the catalog is exercised by a fixture and documented, so none is dead or unexplained.</summary>
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

    // The engine's ranges only: ALU7xxx belong to the fleet project, whose own tests check its entries.
    [GeneratedRegex(@"^## (ALU[1-6]\d{3}):", RegexOptions.Multiline)]
    private static partial Regex DocEntry();
}
