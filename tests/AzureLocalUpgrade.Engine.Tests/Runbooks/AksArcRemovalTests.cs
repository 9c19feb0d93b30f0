namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// Uninstall-AksHci deletes every AKS workload cluster (seed 000, prerequisites): a person confirms before it runs,
/// and without AKS Arc in the inventory a check proves it is really absent instead of a gate.
/// </summary>
public class AksArcRemovalTests
{
    [Fact]
    public void With_aks_arc_installed_a_gate_comes_before_the_removal()
    {
        var graph = RunbookCompilationTests.Compile("22h2-to-23h2/cau.yaml", "aks-arc-22h2.yaml", ["orchestratorOs=Windows Server 2022"]);
        var order = graph.Steps.Select(s => s.Id).ToList();

        graph.Step("aks-arc-removal/confirm-removal").Kind.Should().Be(Engine.Model.StepKind.Manual);
        order.IndexOf("aks-arc-removal/confirm-removal").Should().BeLessThan(order.IndexOf("aks-arc-removal/uninstall-aks"));
    }

    [Fact]
    public void Without_aks_arc_in_the_inventory_a_check_confirms_it_is_absent()
    {
        var graph = RunbookCompilationTests.Compile("22h2-to-23h2/cau.yaml", "four-node-22h2.yaml", ["orchestratorOs=Windows Server 2022"]);

        graph.Step("aks-arc-removal/inventory-knows-aks").Kind.Should().Be(Engine.Model.StepKind.Check);
        graph.Step("aks-arc-removal/confirm-removal").SkippedReason.Should().NotBeNull();
    }
}
