using System.Management.Automation;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cluster;

/// <summary>
/// The executor's node-state probe returns structured values: one object per node with Name and State, so nothing
/// in a name (an '=', a newline) can be misread the way "name=state" text could.
/// </summary>
public sealed class HealthProbeScriptTests
{
    [Fact]
    public void The_node_state_probe_returns_one_object_per_node_with_its_name_and_state()
    {
        using var harness = new SimulatorHarness();

        var output = harness.RunOn(harness.Node(1), ClusterHealthScripts.NodeStates);

        output.Select(o => o.BaseObject).Should().AllBeOfType<PSCustomObject>();
        output.Select(o => ((string)o.Properties["Name"].Value, (string)o.Properties["State"].Value))
            .Should().Equal(harness.Inventory.Nodes.Select(n => (n.Name, "Up")));
    }
}
