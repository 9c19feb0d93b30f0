using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>Inventories for tests: n nodes named hci01-n1.., two VMs on each node.</summary>
internal static class TestInventories
{
    public static ClusterInventory Cluster(int nodes = 3, string build = "20349.3692", bool windowsUpdateAccess = true, string name = "hci01") =>
        new(
            name,
            [.. Enumerable.Range(1, nodes).Select(i => new NodeInventory(
                $"{name}-n{i}",
                build,
                null,
                "Up",
                true,
                [new NicDriver("Intel", "E810", "1.17.73.0")],
                [$"vm-{i}a", $"vm-{i}b"],
                null,
                SourceSpan.None))],
            ConnectionSpec.SimulatedDefault,
            new ClusterFacts(
                Stretch: false,
                SolutionDeployed: false,
                Registered: true,
                Identity: "SystemAssigned",
                CloudManagementGroup: "present",
                AksArc: new AksArcFacts(false, false),
                CauRoleInstalled: true,
                KernelSoftReboot: false,
                CredSspEnabled: false,
                WindowsUpdateAccess: windowsUpdateAccess,
                OrchestratorOs: "Windows Server 2022",
                FunctionalLevel: 11,
                Storage: new StorageFacts($"S2D on {name}", [new VolumeFacts("Volume01", "CSVFS_ReFS", 2048), new VolumeFacts("Volume02", "CSVFS_ReFS", 2048)])),
            "",
            SourceSpan.None);
}
