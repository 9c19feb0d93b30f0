using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.PowerShell.Targets;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>Builds the remoting connector for a real cluster (WinRM or SSH, credential from its reference).</summary>
internal static class RealClusterConnector
{
    public static ITargetConnector Create(ClusterInventory inventory) =>
        throw new NotSupportedException($"Real cluster {inventory.Name}: remoting connector pending integration.");
}
