using System.Globalization;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Turns a scenario file into active faults against one inventory ("#2" becomes the second node's name).</summary>
internal static class ScenarioActivation
{
    public static ScenarioState Resolve(FaultScenario scenario, ClusterInventory inventory) => new()
    {
        Name = scenario.Name,
        Fingerprint = scenario.Fingerprint,
        Faults = [.. scenario.Faults.Select(f => new FaultState
        {
            Kind = f.Kind,
            Node = ResolveNode(f, inventory),
            Title = f.Title,
            VmsPerNode = f.VmsPerNode,
        })],
    };

    private static string? ResolveNode(Fault fault, ClusterInventory inventory)
    {
        if (fault.Node is null)
        {
            return null;
        }

        if (fault.Node.StartsWith('#')
            && int.TryParse(fault.Node.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var position))
        {
            if (position < 1 || position > inventory.Nodes.Count)
            {
                throw new ArgumentException(
                    $"{fault.Span}: fault {fault.Kind} names node {fault.Node}, but cluster {inventory.Name} has {inventory.Nodes.Count} nodes.");
            }

            return inventory.Nodes[position - 1].Name;
        }

        return inventory.FindNode(fault.Node)?.Name
            ?? throw new ArgumentException(
                $"{fault.Span}: fault {fault.Kind} names node '{fault.Node}', which is not in cluster {inventory.Name} (nodes: {string.Join(", ", inventory.Nodes.Select(n => n.Name))}).");
    }
}
