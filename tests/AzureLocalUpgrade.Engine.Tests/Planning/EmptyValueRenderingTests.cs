using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

/// <summary>An empty parameter value is shown as "(empty)", never as an empty Markdown code span (two backticks).</summary>
public sealed class EmptyValueRenderingTests
{
    [Theory]
    [InlineData("markdown", "| setupMedia | (empty) |")]
    [InlineData("text", "setupMedia = (empty)")]
    public void An_empty_parameter_value_reads_empty(string format, string expected)
    {
        var rendered = PlanRenderers.Find(format)!.Render(PlanWithEmptySetupMedia());

        rendered.Should().Contain(expected);
        rendered.Should().NotContain("``");
    }

    private static Plan PlanWithEmptySetupMedia()
    {
        var folder = Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour");
        var validation = RunbookValidation.LoadAndValidate(Path.Combine(folder, "runbook.yaml"));
        var bag = new DiagnosticBag();
        var cluster = InventoryLoader.Load(Path.Combine(folder, "cluster.yaml"), bag);
        var parameters = ParameterBinder.Bind(validation.Runbook!, ["setupMedia="], Path.Combine(folder, "params.yaml"), bag);
        var graph = new StepGraphCompiler().Compile(validation.Runbook!, parameters, cluster!, bag);
        bag.Items.Select(d => d.ToString()).Should().BeEmpty();
        return PlanBuilder.Build(graph!, PlanOrigin.Relative(Path.Combine(folder, "runbook.yaml"), Path.Combine(folder, "cluster.yaml"), folder));
    }
}
