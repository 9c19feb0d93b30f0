using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// Every file in TestData/invalid (and invalid/inventory) declares the diagnostics it must produce; the front end
/// must report exactly those codes at exactly those positions, nothing more.
/// </summary>
public sealed class InvalidCorpusTests
{
    public static TheoryData<string> RunbookFiles() => Files("invalid");

    public static TheoryData<string> InventoryFiles() => Files(Path.Combine("invalid", "inventory"));

    [Theory]
    [MemberData(nameof(RunbookFiles))]
    public void Runbook_InvalidFixture_ShouldReportExactlyTheDeclaredDiagnostics(string name)
    {
        var corpus = CorpusCase.Read(TestData.Invalid(name));
        corpus.Expected.Should().NotBeEmpty("every invalid fixture declares at least one '# expect:' line");

        var limits = corpus.MaxBytes is { } maxBytes ? LoadLimits.Default with { MaxFileBytes = maxBytes } : LoadLimits.Default;
        var result = RunbookValidation.LoadAndValidate(corpus.Path, limits);
        var diagnostics = result.Diagnostics.ToList();
        if (corpus.BindsParameters && result.Runbook is { } runbook)
        {
            var bag = new DiagnosticBag();
            ParameterBinder.Bind(runbook, corpus.SetArgs, corpus.ParamsFile, bag);
            diagnostics.AddRange(bag.Items);
        }

        Describe(diagnostics).Should().BeEquivalentTo(corpus.Expected, because: string.Join(Environment.NewLine, diagnostics));
    }

    [Theory]
    [MemberData(nameof(InventoryFiles))]
    public void Inventory_InvalidFixture_ShouldReportExactlyTheDeclaredDiagnostics(string name)
    {
        var corpus = CorpusCase.Read(TestData.Invalid(Path.Combine("inventory", name)));
        corpus.Expected.Should().NotBeEmpty();

        var bag = new DiagnosticBag();
        var inventory = InventoryLoader.Load(corpus.Path, bag);

        inventory.Should().BeNull("an inventory with errors is never returned");
        Describe(bag.Items).Should().BeEquivalentTo(corpus.Expected, because: string.Join(Environment.NewLine, bag.Items));
    }

    internal static IEnumerable<string> AllFixturePaths() =>
        Directory.GetFiles(Path.Combine(TestData.Root, "invalid"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(TestData.Root, "invalid", "inventory"), "*.yaml"));

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Code} at {Path.GetFileName(d.Span.File)}:{d.Span.Line}:{d.Span.Column}");

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.Root, folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
