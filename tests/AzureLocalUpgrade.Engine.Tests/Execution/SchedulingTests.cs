using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class SchedulingTests
{
    private static readonly InstanceStep[] TwoSteps = [new("drain"), new("update")];

    [Fact]
    public async Task Independent_steps_run_at_the_same_time()
    {
        var graph = new TestGraph().PowerShell("a", needs: []).PowerShell("b", needs: []);
        using var fixture = new ExecutionFixture(graph);
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        fixture.Host.DuringCall = async (_, _) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            // Each call waits for the other: a serial executor would never get here twice (the safety limit then fails the test).
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.MaxInFlight.Should().Be(2);
    }

    [Fact]
    public async Task A_step_waits_for_the_step_it_needs()
    {
        var graph = new TestGraph().PowerShell("first").PowerShell("second");
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build());

        fixture.Host.Calls.Select(c => c.StepId).Should().Equal("first", "second");
        fixture.Host.MaxInFlight.Should().Be(1);
    }

    [Fact]
    public async Task A_rolling_group_takes_one_node_at_a_time_in_inventory_order()
    {
        var graph = new TestGraph(nodes: 3).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, TwoSteps);
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        result.MaxInstancesInFlight["upd"].Should().Be(1);
        fixture.Host.MaxNodesInFlight.Should().Be(1);
        fixture.Host.Calls.Where(c => c.Node is not null && !c.StepId.StartsWith("alu:", StringComparison.Ordinal)).Select(c => c.Node).Distinct()
            .Should().Equal(graph.Nodes);
    }

    [Fact]
    public async Task A_parallel_group_never_exceeds_maxConcurrent_instances()
    {
        var graph = new TestGraph(nodes: 5).ForEach("upd", new Strategy(StrategyMode.Parallel, 2, 0), disruptive: false, TwoSteps);
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        result.MaxInstancesInFlight["upd"].Should().Be(2);
        fixture.Host.MaxNodesInFlight.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_failure_beyond_maxFailed_stops_new_instances()
    {
        var graph = new TestGraph(nodes: 3).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("upd[hci01-n1]/update", ScriptedStepHost.Fail("setup.exe exited 1"));

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Failed);
        result.ExitCode.Should().Be(1);
        fixture.Host.Calls.Should().NotContain(c => c.Node == "hci01-n2" || c.Node == "hci01-n3");
        result.Step("upd[hci01-n2]/drain").Status.Should().Be(StepStatus.NotRun);
        result.Summary.Should().Contain("maxFailed 0");
    }

    [Fact]
    public async Task A_failure_within_maxFailed_lets_the_other_nodes_continue()
    {
        var graph = new TestGraph(nodes: 3).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 1), disruptive: false, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("upd[hci01-n1]/update", ScriptedStepHost.Fail("setup.exe exited 1"));

        var result = await fixture.RunAsync(graph.Build());

        result.Step("upd[hci01-n3]/update").Status.Should().Be(StepStatus.Succeeded);
        result.Outcome.Should().Be(RunOutcome.Failed, "not every node was upgraded");
        result.Warnings.Should().Contain(w => w.Message.Contains("tolerated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_already_down_uses_the_failure_budget_before_anything_starts()
    {
        var graph = new TestGraph(nodes: 3).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.NodeStates["hci01-n3"] = "Down";

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.PreconditionFailed);
        result.Summary.Should().Contain("hci01-n3 (Down)");
        fixture.Host.Calls.Should().OnlyContain(c => c.StepId.StartsWith("alu:", StringComparison.Ordinal));
        fixture.Journal.Should().Contain(r => r.Type == "cluster-state" && r.Nodes!["hci01-n3"] == "Down");
    }

    [Fact]
    public async Task A_node_already_down_plus_one_failure_exceeds_a_budget_of_one()
    {
        var graph = new TestGraph(nodes: 3).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 1), disruptive: false, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.NodeStates["hci01-n3"] = "Down";
        fixture.Host.Returns("upd[hci01-n1]/update", ScriptedStepHost.Fail("boom"));

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Failed);
        fixture.Host.Calls.Should().NotContain(c => c.Node == "hci01-n2" && !c.StepId.StartsWith("alu:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disruptive_group_waits_for_storage_repair_before_the_next_node()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.StorageJobs.Enqueue([]);
        fixture.Host.StorageJobs.Enqueue(["Repair Running 40%"]);

        var result = await fixture.RunAsync(graph.Build(), c => c with { HealthGate = new HealthGateOptions(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) });

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Clock.Delays.Should().Equal(TimeSpan.FromMinutes(1));
        fixture.Journal.Should().Contain(r => r.Type == "health-gate" && r.Outcome == "waiting" && r.Reason!.Contains("Repair Running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_health_gate_that_never_passes_stops_the_group_with_the_reason()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, TwoSteps);
        using var fixture = new ExecutionFixture(graph);
        for (var i = 0; i < 20; i++)
        {
            fixture.Host.StorageJobs.Enqueue(["Repair Running 10%"]);
        }

        var result = await fixture.RunAsync(graph.Build(), c => c with { HealthGate = new HealthGateOptions(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) });

        result.Outcome.Should().Be(RunOutcome.PreconditionFailed);
        result.Summary.Should().Contain("health gate before upd[hci01-n1] not met after 00:05:00").And.Contain("storage job Repair Running 10%");
        fixture.Host.Calls.Should().OnlyContain(c => c.StepId.StartsWith("alu:", StringComparison.Ordinal));
    }
}
