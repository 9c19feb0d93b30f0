using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.FrontEnd;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Engine.Validation.Catalog;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>Runs the call checker on one script, as if it were a block scalar starting at line 1, column 1.</summary>
internal static class CatalogChecking
{
    private static readonly Lazy<CmdletCatalog> GadgetCatalog = new(() => Load(Path.Combine(TestData.Root, "catalogs", "gadgets.json")));
    private static readonly Lazy<CmdletCatalog> ShippedCatalogValue = new(() => new CmdletCatalog(ShippedCatalog.Parsed, new DiagnosticBag()));

    /// <summary>The small test catalog (TestData/catalogs/gadgets.json).</summary>
    public static CmdletCatalog Gadgets => GadgetCatalog.Value;

    /// <summary>The catalog shipped in the engine (schemas/cmdlets).</summary>
    public static CmdletCatalog Shipped => ShippedCatalogValue.Value;

    public static CmdletCatalog Load(string path)
    {
        var bag = new DiagnosticBag();
        var source = YamlSourceLoader.Load(path, bag)!;
        var file = new CatalogFileReader(source, bag).Read()!;
        bag.Items.Should().BeEmpty();
        return new CmdletCatalog([file], bag);
    }

    public static IReadOnlyList<Diagnostic> Check(string script, CmdletCatalog catalog, TargetKind on = TargetKind.Cluster, UpgradePath? upgrade = null, string? skipIf = null)
    {
        var text = new EmbeddedText(script, SourceSpan.At("case.yaml", 1, 1), ContentLine: 1, ContentColumn: 1, IsBlock: true);
        var ast = Parser.ParseInput(script, out _, out var errors);
        errors.Should().BeEmpty("the case must be valid PowerShell");
        var bag = new DiagnosticBag();
        var guard = skipIf is null ? null : Parser.ParseInput(skipIf, out _, out _);
        ScriptCallChecker.Check(text, ast, ScriptContext.For(on, upgrade), catalog, bag, guard);
        return bag.Sorted();
    }

    /// <summary>"ALU2402 at 1:12" for each finding, the way the cases state what they expect.</summary>
    public static IEnumerable<string> Described(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Code} at {d.Span.Line}:{d.Span.Column}");
}
