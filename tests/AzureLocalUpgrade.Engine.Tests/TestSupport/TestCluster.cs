using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.TestSupport;

/// <summary>Inventories built in code: hci01 with n nodes named hci01-n1..n, all 22H2.</summary>
internal static class TestCluster
{
    public static ClusterInventory WithNodes(int count, bool stretch = false, bool windowsUpdateAccess = true) => new(
        "hci01",
        [.. Enumerable.Range(1, count).Select(i => new NodeInventory(
            $"hci01-n{i}", $"20349.{3690 + i}", null, "Up", i % 2 == 1, [], [], stretch ? (i <= count / 2 ? "site-a" : "site-b") : null, SourceSpan.None))],
        ConnectionSpec.SimulatedDefault,
        new ClusterFacts(stretch, false, true, "SystemAssigned", "present", new AksArcFacts(false, false), true, false, false,
            windowsUpdateAccess, "Windows Server 2022", 11, new StorageFacts("S2D on hci01", [new VolumeFacts("Volume01", "CSVFS_ReFS", 2048)])),
        "",
        SourceSpan.None);
}
