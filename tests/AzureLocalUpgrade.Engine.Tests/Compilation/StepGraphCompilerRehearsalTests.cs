using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>A gate's rehearse script is kept for a simulated inventory only: a real cluster's graph never carries one.</summary>
public sealed class StepGraphCompilerRehearsalTests
{
    private const string Rehearsal = "Invoke-CauRun -ClusterName $ClusterName -Force";

    private static readonly Runbook Runbook = TestRunbooks.Of(
        Manual("install", "Install from the wizard") with { Manual = new ManualOptions(Steps.Text("Install from the wizard")!, Steps.Text(Rehearsal)) });

    private static readonly ClusterInventory Real = TestCluster.WithNodes(2) with
    {
        Connection = new ConnectionSpec(false, "winrm", null, new CredentialReference(@"CONTOSO\hciadmin", "ALU_HCI01_PASSWORD", null, null)),
    };

    private static readonly PlanOrigin Origin = new("rb.yaml", "c.yaml");

    [Fact]
    public void A_simulated_inventory_keeps_the_rehearsal_on_the_gate()
    {
        var graph = TestCompiler.Compile(Runbook, TestCluster.WithNodes(2));

        graph.Step("install").Rehearsal!.Value.Should().Be(Rehearsal);
    }

    [Fact]
    public void A_real_inventory_drops_the_rehearsal()
    {
        var graph = TestCompiler.Compile(Runbook, Real);

        graph.Steps.Should().OnlyContain(s => s.Rehearsal == null);
    }

    [Theory]
    [InlineData(true, "rehearsal (simulated cluster only, after approval): " + Rehearsal)]
    [InlineData(false, null)]
    public void The_text_plan_shows_the_rehearsal_only_for_a_simulated_cluster(bool simulated, string? expected)
    {
        var graph = TestCompiler.Compile(Runbook, simulated ? TestCluster.WithNodes(2) : Real);

        var text = new TextPlanRenderer().Render(PlanBuilder.Build(graph, Origin));

        if (expected is null)
        {
            text.Should().NotContain("rehearsal");
        }
        else
        {
            text.Should().Contain(expected);
        }
    }

    [Fact]
    public void The_json_plan_carries_the_rehearsal_and_binds_what_it_uses()
    {
        var graph = TestCompiler.Compile(Runbook, TestCluster.WithNodes(2));

        var json = System.Text.Json.JsonDocument.Parse(new JsonPlanRenderer().Render(PlanBuilder.Build(graph, Origin)));

        var step = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "install");
        step.GetProperty("rehearsal").GetString().Should().Be(Rehearsal);
        step.GetProperty("bindings").GetProperty("ClusterName").GetString().Should().Be("hci01");
    }

    [Fact]
    public async Task The_json_plan_with_a_rehearsal_validates_against_the_plan_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(AzureLocalUpgrade.Engine.Schema.SchemaCatalog.ReadText("plan.v1.json"));

        var json = new JsonPlanRenderer().Render(PlanBuilder.Build(TestCompiler.Compile(Runbook, TestCluster.WithNodes(2)), Origin));

        json.Should().Contain("\"rehearsal\"");
        schema.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void The_markdown_plan_lists_the_rehearsal_under_its_gate()
    {
        var graph = TestCompiler.Compile(Runbook, TestCluster.WithNodes(2));

        var markdown = new MarkdownPlanRenderer().Render(PlanBuilder.Build(graph, Origin));

        markdown.Should().Contain("- **`install`**: Install from the wizard\n  - Rehearsal (simulated cluster only, after approval): `" + Rehearsal + "`");
    }
}
