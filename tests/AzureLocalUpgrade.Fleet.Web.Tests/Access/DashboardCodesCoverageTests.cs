using System.Reflection;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Access;

/// <summary>Every dashboard code is in ALU7300–ALU7399 and has its entry in docs/diagnostics.md, and every entry a code.</summary>
public sealed partial class DashboardCodesCoverageTests
{
    private static readonly string[] Codes = [.. typeof(DashboardCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Every_code_is_in_the_dashboards_range_and_used_once() =>
        Codes.Should().OnlyContain(c => Range().IsMatch(c)).And.OnlyHaveUniqueItems();

    [Fact]
    public void Every_code_has_an_entry_in_the_diagnostics_doc_and_every_entry_a_code()
    {
        var doc = File.ReadAllText(Path.Combine(SimulatedFleet.RepositoryRoot(), "docs", "diagnostics.md"));
        var documented = Heading().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        documented.Should().BeEquivalentTo(Codes);
    }

    [GeneratedRegex(@"^ALU73\d{2}$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^## (ALU73\d{2}):", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
