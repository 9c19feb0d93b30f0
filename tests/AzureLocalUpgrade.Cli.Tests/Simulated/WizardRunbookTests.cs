using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// The WAC runbook hands the feature update to a person in the Windows Admin Center wizard (a gate), then waits
/// for every node to reach 25398. Approving the gate without anyone installing must not pass for success.
/// </summary>
public sealed class WizardRunbookTests
{
    [Fact]
    public async Task Approving_the_wizard_gate_without_installing_fails_at_the_build_wait_with_every_node_named()
    {
        var runbook = new ShippedRunbook(ShippedRunbook.WizardRunbook);
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, runbook);

        run.ExitCode.Should().Be(1, run.Error);
        run.Error.Should().Contain("did not reach build 25398").And.Contain("hci04-n1").And.Contain("hci04-n4");
        cluster.Nodes.Should().AllSatisfy(n => n.Build.Major.Should().Be(20349));
        cluster.MaxNodesDownAtOnce.Should().BeLessThanOrEqualTo(1);
    }
}
