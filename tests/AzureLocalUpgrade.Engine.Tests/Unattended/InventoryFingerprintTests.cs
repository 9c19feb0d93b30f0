using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.Unattended;

public sealed class InventoryFingerprintTests
{
    private static ClusterInventory Cluster(bool stretch = false, params (string Name, string Build)[] nodes) => new(
        "hci01",
        [.. nodes.Select(n => new NodeInventory(n.Name, n.Build, null, "Up", true, [], [], null, SourceSpan.None))],
        ConnectionSpec.SimulatedDefault,
        new ClusterFacts(stretch, false, true, "SystemAssigned", "present", new AksArcFacts(false, false), true, false, false, true,
            "Windows Server 2022", 11, new StorageFacts("S2D on hci01", [])),
        "cluster.yaml",
        SourceSpan.None);

    [Fact]
    public void DriftFrom_SameInventory_ShouldBeEmpty()
    {
        var planned = InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692"), ("n2", "20349.3692")));

        InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692"), ("n2", "20349.3692"))).DriftFrom(planned).Should().BeEmpty();
    }

    [Fact]
    public void DriftFrom_RemovedNode_ShouldNameNodeListAndItsFacts()
    {
        var planned = InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692"), ("n2", "20349.3692")));

        var drift = InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692"))).DriftFrom(planned);

        drift.Should().Contain("nodes: was n1,n2; now n1");
        drift.Should().Contain("node.n2.build: was 20349.3692; now (absent)");
    }

    [Fact]
    public void DriftFrom_ChangedBuildAndStretch_ShouldNameBoth()
    {
        var planned = InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692")));

        var drift = InventoryFingerprint.Of(Cluster(true, ("n1", "25398.1611"))).DriftFrom(planned);

        drift.Should().Equal("facts.stretch: was false; now true", "node.n1.build: was 20349.3692; now 25398.1611");
    }

    [Fact]
    public void FromFacts_RoundTrip_ShouldCompareEqual()
    {
        var original = InventoryFingerprint.Of(Cluster(false, ("n1", "20349.3692")));

        InventoryFingerprint.FromFacts(original.Facts).DriftFrom(original).Should().BeEmpty();
    }
}
