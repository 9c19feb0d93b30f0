using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cau;

public sealed class CauRunTests : IDisposable
{
    private const string PrepareNodes = "Set-WSManQuickConfig -Force; Enable-PSRemoting -Force";
    private const string WuRun = "Invoke-CauRun -ClusterName hci01 -CauPluginName Microsoft.RollingUpgradePlugin -CauPluginArguments @{'WuConnected'='true'} -EnableFirewallRules -Force";

    private SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void RollingUpgradeFromWindowsUpdate_ShouldUpgradeEveryNode_OneAtATime()
    {
        PrepareRemoting();

        var report = _sim.RunOn(null, WuRun).Single();

        ((string)report.Properties["Status"].Value).Should().Be("Succeeded");
        var snapshot = _sim.Cluster.Snapshot();
        snapshot.Nodes.Should().OnlyContain(n => n.Build.ToString() == "25398.1611" && n.State == ClusterNodeState.Up && n.Reboots == 1);
        snapshot.MaxNodesDownAtOnce.Should().Be(1);
        snapshot.CauRunState.Should().Be(CauRunState.RunNotInProgress);
    }

    [Fact]
    public void RunWithStopAfter_ShouldBeCanceledOnceTheTimeHasPassed_LeavingTheRemainingNodesAlone()
    {
        PrepareRemoting();

        // One node's cycle (drain, install, restart, storage repair) takes well over 30 minutes of virtual time.
        var report = _sim.RunOn(null, WuRun + " -StopAfter 00:30:00").Single();

        ((string)report.Properties["Status"].Value).Should().Be("Canceled");
        var snapshot = _sim.Cluster.Snapshot();
        snapshot.Nodes.Count(n => n.Build.ToString() == "25398.1611").Should().Be(1);
        snapshot.Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Up);
        snapshot.CauRunState.Should().Be(CauRunState.RunNotInProgress);
    }

    [Fact]
    public void RunWithAStopAfterLongEnough_ShouldUpdateEveryNode()
    {
        PrepareRemoting();

        var report = _sim.RunOn(null, WuRun + " -StopAfter 1.00:00:00").Single();

        ((string)report.Properties["Status"].Value).Should().Be("Succeeded");
    }

    [Fact]
    public void WindowsUpdatePluginRun_AfterTheFeatureUpdate_ShouldInstallTheLatest23H2CumulativeUpdate()
    {
        PrepareRemoting();
        _sim.RunOn(null, WuRun);

        var report = _sim.RunOn(null, "Invoke-CauRun -ClusterName hci01 -CauPluginName Microsoft.WindowsUpdatePlugin -MaxFailedNodes 0 -RequireAllNodesOnline -EnableFirewallRules -Force").Single();

        ((string)report.Properties["Status"].Value).Should().Be("Succeeded");
        var snapshot = _sim.Cluster.Snapshot();
        snapshot.Nodes.Should().OnlyContain(n => n.Build.ToString() == "25398.1732" && n.Reboots == 2 && n.FeatureUpdatesApplied == 1);
        snapshot.MaxNodesDownAtOnce.Should().Be(1);
    }

    [Fact]
    public void WindowsUpdatePluginRun_OnNodesAtTheLatestCumulativeUpdate_ShouldLeaveThemAlone()
    {
        PrepareRemoting();

        _sim.RunOn(null, "Invoke-CauRun -ClusterName hci01 -CauPluginName Microsoft.WindowsUpdatePlugin -EnableFirewallRules -Force");

        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.Build.ToString() == "20349.3692" && n.Reboots == 0);
    }

    [Fact]
    public void RunWithoutFirewallRules_ShouldFailBeforeTouchingAnyNode()
    {
        PrepareRemoting();

        var act = () => _sim.RunOn(null, WuRun.Replace(" -EnableFirewallRules", "", StringComparison.Ordinal));

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("EnableFirewallRules");
        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.Reboots == 0);
    }

    [Fact]
    public void RunWithoutRemoting_ShouldFail_NamingTheNodes()
    {
        var act = () => _sim.RunOn(null, WuRun);

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("Enable-PSRemoting").And.Contain(_sim.Node(1));
    }

    // Microsoft's Invoke-CauRun reference: "If one more node fails than this number, the Updating Run stops."
    // The failing node is second in the order, so with 0 the run stops there (the first node keeps its upgrade,
    // the third is never touched); with 1 it goes on to the third node.
    [Theory]
    [InlineData(0, "Failed", 1)]
    [InlineData(1, "PartiallyFailed", 2)]
    public void FailingNode_ShouldStopOrContinueTheRun_PerMaxFailedNodes(int maxFailedNodes, string expectedStatus, int upgradedNodes)
    {
        Recreate(Samples.Scenario("cau-fails-on-node"));
        PrepareRemoting();

        var script = $"{WuRun} -MaxFailedNodes {maxFailedNodes} -MaxRetriesPerNode 1 -NodeOrder {_sim.Node(1)},{_sim.Node(2)},{_sim.Node(3)} -ErrorAction SilentlyContinue -WarningAction SilentlyContinue";
        var report = _sim.RunOn(null, script).Single();

        ((string)report.Properties["Status"].Value).Should().Be(expectedStatus);
        _sim.Cluster.Snapshot().Nodes.Count(n => n.FeatureUpdatesApplied == 1).Should().Be(upgradedNodes);
        _sim.Cluster.Snapshot().Node(_sim.Node(2)).State.Should().Be(ClusterNodeState.Up);
    }

    [Fact]
    public void FailedRun_ShouldBeReportedByGetCauReport()
    {
        Recreate(Samples.Scenario("cau-fails-on-node"));
        PrepareRemoting();
        _sim.RunOn(null, $"{WuRun} -MaxFailedNodes 0 -ErrorAction SilentlyContinue");

        var statuses = _sim.RunOn(null, "(Get-CauReport -ClusterName hci01 -Last).NodeResults | Where-Object Status -eq 'Failed' | ForEach-Object { $_.Node.NodeName }");

        statuses.Select(s => s.BaseObject).Should().Equal(_sim.Node(2));
    }

    [Fact]
    public void MediaRun_ShouldRequireMediaStagedOnEveryNode()
    {
        PrepareRemoting();
        StageMedia(_sim.Node(1), "AzureLocal24H2.26100.iso");

        var act = () => _sim.RunOn(null, MediaRun());

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("not staged").And.Contain(_sim.Node(2));
    }

    [Fact]
    public void MediaRun_ShouldInstallTheMediaRelease_AndRaiseTheFunctionalLevel()
    {
        PrepareRemoting();
        foreach (var node in _sim.Inventory.Nodes)
        {
            StageMedia(node.Name, @"C:\SetupFiles\ISOs\AzureLocal-2505.iso");
        }

        _sim.RunOn(null, MediaRun());

        var snapshot = _sim.Cluster.Snapshot();
        snapshot.Nodes.Should().OnlyContain(n => n.Build.ToString() == "26100.4061");
        snapshot.ClusterFunctionalLevel.Should().Be(12);
        snapshot.ClusterUpgradeVersion.Should().Be(32774);
    }

    [Fact]
    public void Scan_ShouldOfferThe23H2FeatureUpdateToEvery22H2Node()
    {
        var titles = _sim.RunOn(null, "Invoke-CauScan -ClusterName hci01 -CauPluginName Microsoft.RollingUpgradePlugin -CauPluginArguments @{'WuConnected'='true'} | ForEach-Object UpdateTitle");

        titles.Select(t => t.BaseObject).Should().HaveCount(3).And.OnlyContain(t => ((string)t).EndsWith("version 23H2", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_ShouldListNoUpdateForANodeThatWouldGetNone()
    {
        // Invoke-CauScan.md: the list of updates applied to each node; a node with nothing to install adds nothing.
        StageMedia(_sim.Node(1), @"C:\SetupFiles\ISOs\AzureLocal-2503.iso");
        StageMedia(_sim.Node(2), @"C:\SetupFiles\ISOs\AzureLocal-2503.iso");

        var nodes = _sim.RunOn(null, MediaScan + " | ForEach-Object NodeName");

        nodes.Select(n => n.BaseObject).Should().Equal(_sim.Node(1), _sim.Node(2));
    }

    [Fact]
    public void ShippedSameUpdateCheck_ShouldAnswerFalse_WhenANodeIsOfferedNothing()
    {
        // A node already on 23H2 (an earlier, interrupted run) is offered no feature update by Windows Update.
        var inventory = TestInventories.Cluster();
        var mixed = inventory with { Nodes = [.. inventory.Nodes.Take(2), inventory.Nodes[2] with { Build = "25398.1732" }] };
        using var sim = new SimulatorHarness(mixed);

        ShippedStepScript.Of("22h2-to-23h2/cau.yaml", "same-update-offered").Passes(sim, null).Should().BeFalse();
    }

    [Fact]
    public void ForceRecovery_ShouldClearAFailedRunState()
    {
        Recreate(Samples.Scenario("node-never-returns"));
        PrepareRemoting();
        _sim.RunOn(null, $"{WuRun} -NodeOrder {_sim.Node(2)},{_sim.Node(1)},{_sim.Node(3)} -ErrorAction SilentlyContinue");
        _sim.RunOn(null, "(Get-CauRun -ClusterName hci01)[0].ToString()").First().BaseObject.Should().Be("RunFailed");

        _sim.RunOn(null, "Invoke-CauRun -ClusterName hci01 -ForceRecovery -Force");

        _sim.RunOn(null, "(Get-CauRun -ClusterName hci01)[0].ToString()").First().BaseObject.Should().Be("RunNotInProgress");
    }

    private const string MediaScan =
        "Invoke-CauScan -ClusterName hci01 -CauPluginName Microsoft.RollingUpgradePlugin -CauPluginArguments @{'WuConnected'='false'; 'PathToSetupMedia'='C:\\SetupFiles\\Extracted'}";

    private string MediaRun() =>
        "Invoke-CauRun -ClusterName hci01 -CauPluginName Microsoft.RollingUpgradePlugin -CauPluginArguments @{'WuConnected'='false'; 'PathToSetupMedia'='C:\\SetupFiles\\Extracted'; 'UpdateClusterFunctionalLevel'='true'} -EnableFirewallRules -ForceSelfUpdate -Force";

    private void StageMedia(string node, string iso) => _sim.RunOn(node, $$"""
        $iso = Mount-DiskImage -ImagePath '{{iso}}'
        $letter = ($iso | Get-Volume).DriveLetter
        New-Item -ItemType Directory -Path 'C:\SetupFiles\Extracted' -Force | Out-Null
        Copy-Item -Path "${letter}:\*" -Destination 'C:\SetupFiles\Extracted' -Recurse
        Dismount-DiskImage -ImagePath '{{iso}}'
        """);

    private void PrepareRemoting()
    {
        foreach (var node in _sim.Inventory.Nodes)
        {
            _sim.RunOn(node.Name, PrepareNodes);
        }
    }

    private void Recreate(Scenarios.FaultScenario scenario)
    {
        _sim.Dispose();
        _sim = new SimulatorHarness(scenario: scenario);
    }
}
