using System.Reflection;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Fleet.Storage.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>Every run-store code has its section in docs/diagnostics.md, and every ALU72xx section there is a code.</summary>
public sealed partial class RunStoreCodesDocumentedTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(SimulatedClusterRun.RepoRoot, "docs", "diagnostics.md"));

    [Fact]
    public void Each_run_store_code_has_a_section_in_the_diagnostics_doc() =>
        Codes().Should().AllSatisfy(code => Doc.Should().Contain($"\n## {code}: "));

    [Fact]
    public void Each_ALU72xx_section_of_the_diagnostics_doc_is_a_run_store_code() =>
        Section().Matches(Doc).Select(m => m.Groups[1].Value).Should().BeSubsetOf(Codes());

    private static IEnumerable<string> Codes() =>
        typeof(RunStoreCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex(@"^## (ALU72\d{2}):", RegexOptions.Multiline)]
    private static partial Regex Section();
}
