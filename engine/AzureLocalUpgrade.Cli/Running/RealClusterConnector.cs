using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.PowerShell.Targets;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The remoting connector for a real cluster: WinRM or SSH per the inventory's connection, the credential from its
/// reference (environment variable or file, resolved relative to the inventory's folder), never from the command line.
/// </summary>
internal static class RealClusterConnector
{
    public static ITargetConnector Create(ClusterInventory inventory) =>
        new RemoteTargetConnector(inventory, new CredentialResolver(Path.GetDirectoryName(Path.GetFullPath(inventory.FilePath))));
}
