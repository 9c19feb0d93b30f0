using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// Maintenance windows: a disruptive node group starts only when its estimate fits in what is left of the window.
/// The virtual clock starts on Monday 2026-11-23 02:15 UTC.
/// </summary>
public sealed class WindowTests
{
    private static readonly InstanceStep[] DrainAndUpdate = [new("drain"), new("update")];

    [Fact]
    public async Task A_node_group_longer_than_the_rest_of_the_window_pauses_the_run_with_exit_3()
    {
        var graph = RollingUpdate(perNode: TimeSpan.FromHours(1));
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build(), c => c with { Window = Window("Mon 02:00-Mon 03:00") });

        result.Outcome.Should().Be(RunOutcome.Paused);
        result.PauseReason.Should().Be(PauseReason.Window);
        result.ExitCode.Should().Be(3);
        result.Summary.Should().Contain("alu resume");
        fixture.Host.Calls.Should().NotContain(c => c.Node != null && !c.StepId.StartsWith("alu:", StringComparison.Ordinal), "no node may be taken down when its group cannot finish in the window");
    }

    [Fact]
    public async Task The_deferral_is_journalled_with_its_reason()
    {
        var graph = RollingUpdate(perNode: TimeSpan.FromHours(1));
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build(), c => c with { Window = Window("Mon 02:00-Mon 03:00") });

        fixture.Journal.Should().Contain(r => r.Type == JournalRecordTypes.WindowCheck && r.Outcome == "deferred" && r.Reason!.Length > 0);
    }

    [Fact]
    public async Task A_resume_in_the_next_window_finishes_the_run()
    {
        var graph = RollingUpdate(perNode: TimeSpan.FromHours(1));
        using var fixture = new ExecutionFixture(graph);
        var window = Window("Mon 02:00-Mon 06:00");
        fixture.Clock.Advance(TimeSpan.FromHours(3)); // 05:15: 45 minutes left, too short for a node
        var paused = await fixture.RunAsync(graph.Build(), c => c with { Window = window });
        paused.PauseReason.Should().Be(PauseReason.Window);

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(3)); // next Monday 02:15
        var resumed = await fixture.RunAsync(graph.Build(), c => c with { Window = window }, resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        resumed.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Where(c => c.Node != null && !c.StepId.StartsWith("alu:", StringComparison.Ordinal)).Select(c => c.Node).Distinct()
            .Should().Equal(graph.Nodes);
    }

    [Fact]
    public async Task Without_a_window_the_same_run_is_never_deferred()
    {
        var graph = RollingUpdate(perNode: TimeSpan.FromHours(1));
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Journal.Should().NotContain(r => r.Type == JournalRecordTypes.WindowCheck);
    }

    [Theory]
    [InlineData("Invoke-CauRun -ClusterName $ClusterName -CauPluginName Microsoft.RollingUpgradePlugin -Force", new string[0])]
    [InlineData("# rolls the update", new[] { "reboots-node" })]
    [InlineData("# stops the cluster", new[] { "stops-cluster" })]
    public async Task A_disruptive_step_resumed_near_the_end_of_the_window_is_not_started(string script, string[] tags)
    {
        var graph = new TestGraph(nodes: 2).PowerShell("prepare").PowerShell("cau-run", script: script, tags: tags, estimate: TimeSpan.FromHours(4));
        using var fixture = new ExecutionFixture(graph);
        fixture.Clock.Advance(TimeSpan.FromHours(1)); // 03:15: 2h45m left of Mon 02:00-06:00, the step needs 4h

        var result = await fixture.RunAsync(graph.Build(), c => c with { Window = Window("Mon 02:00-Mon 06:00") });

        result.PauseReason.Should().Be(PauseReason.Window);
        fixture.Host.Calls.Select(c => c.StepId).Should().Contain("prepare").And.NotContain("cau-run");
        fixture.Journal.Should().Contain(r => r.Type == JournalRecordTypes.WindowCheck && r.StepId == "cau-run" && r.Outcome == "deferred");
    }

    [Fact]
    public async Task A_cau_run_with_a_per_node_estimate_starts_when_its_fixed_part_and_one_node_fit()
    {
        // 4 nodes of 1 h and 5 min fixed: 4h05m in all, more than the 2h45m left at 03:15, but one node's 1h05m fits;
        // -StopAfter bounds the run to the opening's end and the next opening updates the nodes left.
        var graph = new TestGraph(nodes: 4).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force @window",
            estimate: TimeSpan.FromMinutes(245), perNode: new PerNodeEstimate(TimeSpan.FromHours(1), 4));
        using var fixture = new ExecutionFixture(graph);
        fixture.Clock.Advance(TimeSpan.FromHours(1)); // 03:15

        var result = await fixture.RunAsync(graph.Build(), c => c with { Window = Window("Mon 02:00-Mon 06:00") });

        result.Outcome.Should().Be(RunOutcome.Succeeded, result.Summary);
        fixture.Journal.Should().Contain(r => r.Type == JournalRecordTypes.WindowCheck && r.StepId == "cau-run" && r.Outcome == "fits");
    }

    [Fact]
    public async Task The_deferred_step_starts_in_the_next_opening_bounded_by_its_end()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("cau-run", tags: ["cau-run"], estimate: TimeSpan.FromHours(2));
        using var fixture = new ExecutionFixture(graph);
        var window = Window("Mon 02:00-Mon 06:00");
        fixture.Clock.Advance(TimeSpan.FromHours(3)); // 05:15
        await fixture.RunAsync(graph.Build(), c => c with { Window = window });

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(3)); // next Monday 02:15
        var resumed = await fixture.RunAsync(graph.Build(), c => c with { Window = window }, resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        resumed.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Single(c => c.StepId == "cau-run" && !c.IsGuard).Parameters["StopAfter"].Should().Be(TimeSpan.FromMinutes(225));
    }

    [Fact]
    public async Task A_CAU_run_the_window_end_stopped_pauses_at_the_window_and_runs_again_in_the_next_opening()
    {
        const string cau = "Invoke-CauRun -ClusterName $ClusterName -CauPluginName Microsoft.RollingUpgradePlugin -Force @window";
        var graph = new TestGraph(nodes: 2).PowerShell("cau-run", script: cau, estimate: TimeSpan.FromHours(2)).PowerShell("verify");
        using var fixture = new ExecutionFixture(graph);
        var window = Window("Mon 02:00-Mon 06:00");
        var firstCall = true;
        fixture.Host.DuringCall = (call, _) =>
        {
            if (call.StepId == "cau-run" && firstCall)
            {
                firstCall = false;
                fixture.Clock.Advance(TimeSpan.FromHours(4)); // CAU's -StopAfter cancels the run at 06:00
            }

            return Task.CompletedTask;
        };

        var paused = await fixture.RunAsync(graph.Build(), c => c with { Window = window });

        paused.ExitCode.Should().Be(3, "a CAU run the window's end stopped is not a failure");
        paused.PauseReason.Should().Be(PauseReason.Window);
        paused.Summary.Should().Contain("window ended during the CAU run");
        fixture.Host.StepCalls("verify").Should().BeEmpty();

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(4)); // next Monday 02:15
        var resumed = await fixture.RunAsync(graph.Build(), c => c with { Window = window }, resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        resumed.ExitCode.Should().Be(0);
        fixture.Host.Calls.Where(c => c.StepId == "cau-run").Should().HaveCount(2, "the next opening starts the CAU run again for the nodes left");
    }

    [Fact]
    public async Task A_step_that_takes_nothing_down_is_not_held_by_the_window()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("report", script: "Get-CauReport -ClusterName $ClusterName -Last", estimate: TimeSpan.FromHours(4));
        using var fixture = new ExecutionFixture(graph);
        fixture.Clock.Advance(TimeSpan.FromHours(3));

        var result = await fixture.RunAsync(graph.Build(), c => c with { Window = Window("Mon 02:00-Mon 06:00") });

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Single(c => c.StepId == "report").Parameters["StopAfter"].Should().Be(TimeSpan.FromMinutes(45));
    }

    [Fact]
    public async Task Without_a_window_StopAfter_is_null()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("cau-run", tags: ["cau-run"], estimate: TimeSpan.FromHours(4));
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build());

        fixture.Host.Calls.Single(c => c.StepId == "cau-run").Parameters.Should().ContainKey("StopAfter").WhoseValue.Should().BeNull();
    }

    private static TestGraph RollingUpdate(TimeSpan perNode) =>
        new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, DrainAndUpdate, instanceEstimate: perNode);

    private static MaintenanceWindow Window(string text)
    {
        MaintenanceWindowParser.TryParse(text, "UTC", out var window, out var error).Should().BeTrue(error);
        return window!;
    }
}
