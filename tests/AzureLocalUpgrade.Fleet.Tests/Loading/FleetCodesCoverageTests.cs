using System.Reflection;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Loading;

/// <summary>Every fleet code is in ALU7000–ALU7099, documented in docs/diagnostics.md, and exercised by a test.</summary>
public sealed partial class FleetCodesCoverageTests
{
    public static TheoryData<string> Codes() => [.. AllCodes()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_ShouldHaveAnEntryInDiagnosticsDoc(string code) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md")).Should().Contain($"## {code}: ");

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_ShouldBeExpectedByATest(string code)
    {
        var tests = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "AzureLocalUpgrade.Fleet.Tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(nameof(FleetCodesCoverageTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText);

        tests.Should().Contain(t => t.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_ShouldBeUniqueAndInTheFleetRange()
    {
        AllCodes().Should().OnlyHaveUniqueItems().And.AllSatisfy(c => FleetRange().IsMatch(c).Should().BeTrue(c));
    }

    [Fact]
    public void DiagnosticsDoc_FleetRangeEntries_ShouldAllBeFleetCodes()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));

        DocEntry().Matches(doc).Select(m => m.Groups[1].Value).Should().BeSubsetOf(AllCodes());
    }

    private static IEnumerable<string> AllCodes() =>
        typeof(FleetCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex(@"^ALU70\d{2}$")]
    private static partial Regex FleetRange();

    [GeneratedRegex(@"^## (ALU70\d{2}):", RegexOptions.Multiline)]
    private static partial Regex DocEntry();
}
