namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// The Hyper-V Vid\Parameters registry key and its SkipSmallLocalAllocations value (live migration of dynamic-memory
/// VMs) across the shipped upgrade paths: the 23H2 documents and upgrade-22h2-to-24h2-powershell.md ask for key and
/// value; the June 2025 upgrade-to-24h2-powershell.md asks for the key only on the 23H2 to 24H2 path.
/// </summary>
public class VidParametersPlanTests
{
    [Theory]
    [InlineData("22h2-to-23h2/sconfig.yaml", "four-node-22h2.yaml")]
    [InlineData("22h2-to-24h2/sconfig.yaml", "four-node-22h2.yaml")]
    [InlineData("22h2-to-24h2/cau.yaml", "four-node-22h2.yaml")]
    [InlineData("22h2-to-24h2/offline.yaml", "four-node-22h2.yaml")]
    public void From_22H2_every_node_gets_the_key_and_SkipSmallLocalAllocations(string runbook, string sample)
    {
        var graph = RunbookCompilationTests.Compile(runbook, sample, [@"isoPath=C:\ISO\AzureLocal-2505.iso"]);

        graph.Step("registry-keys/set[hci04-n1]/vid-parameters-key").SkippedReason.Should().BeNull();
        graph.Step("registry-keys/set[hci04-n1]/skip-small-local-allocations").SkippedReason.Should().BeNull();
    }

    [Fact]
    public void From_23H2_to_24H2_every_node_gets_the_key_but_no_value()
    {
        var graph = RunbookCompilationTests.Compile("23h2-to-24h2/sconfig.yaml", "four-node-23h2.yaml", [@"isoPath=C:\ISO\AzureLocal-2505.iso"]);

        graph.Step("registry-keys/set[hci23-n1]/vid-parameters-key").SkippedReason.Should().BeNull();
        graph.Step("registry-keys/set[hci23-n1]/skip-small-local-allocations").SkippedReason.Should().NotBeNull();
    }
}
