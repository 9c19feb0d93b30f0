using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class FailureHandlingTests
{
    private static readonly InstanceStep[] DrainThenUpdate = [new("drain", Tags: ["pauses-node"]), new("update", Tags: ["reboots-node"]), new("resume", Tags: ["resumes-node"])];

    [Fact]
    public async Task OnFailure_steps_run_and_then_the_failure_propagates()
    {
        var undo = TestGraph.Step("cleanup/onFailure/undo", StepKind.PowerShell, StepTarget.Orchestrator);
        var graph = new TestGraph().PowerShell("cleanup", onFailure: [undo]).PowerShell("after");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("cleanup", ScriptedStepHost.Fail("access denied"));

        var result = await fixture.RunAsync(graph.Build());

        fixture.Host.Calls.Select(c => c.StepId).Should().Equal("cleanup", "cleanup/onFailure/undo");
        result.Step("cleanup/onFailure/undo").Status.Should().Be(StepStatus.Succeeded);
        result.Outcome.Should().Be(RunOutcome.Failed);
        result.Step("after").Status.Should().Be(StepStatus.NotRun);
    }

    [Fact]
    public async Task A_failed_node_instance_runs_its_group_onFailure_on_that_node()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, DrainThenUpdate,
            onFailure: [new InstanceStep("resume-anyway", Tags: ["resumes-node"])]);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("upd[hci01-n1]/update", ScriptedStepHost.Fail("setup failed"));

        var result = await fixture.RunAsync(graph.Build());

        fixture.Host.Calls.Should().ContainSingle(c => c.StepId == "upd[hci01-n1]/onFailure/resume-anyway" && c.Node == "hci01-n1");
        result.Leftovers.Should().BeEmpty("the onFailure step resumed the node the run paused");
        result.Outcome.Should().Be(RunOutcome.Failed);
    }

    [Fact]
    public async Task A_failed_run_reports_precisely_what_it_left_behind()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, DrainThenUpdate);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("upd[hci01-n1]/update", ScriptedStepHost.Fail("setup failed"));

        var result = await fixture.RunAsync(graph.Build());

        result.Leftovers.Should().ContainSingle().Which.Description
            .Should().Be("node hci01-n1 left Paused by step upd[hci01-n1]/drain; no onFailure step resumed it");
        fixture.Journal.Should().Contain(r => r.Type == "leftover" && r.StepId == "upd[hci01-n1]/drain");
    }

    [Fact]
    public async Task A_change_step_that_failed_part_way_is_reported_as_uncertain()
    {
        var graph = new TestGraph(nodes: 1).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, DrainThenUpdate);
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("upd[hci01-n1]/drain", ScriptedStepHost.Fail("drain failed"));

        var result = await fixture.RunAsync(graph.Build());

        result.Leftovers.Should().ContainSingle(l => !l.Certain && l.Description.Contains("may be left Paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_succeeded_run_reports_no_leftovers()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, DrainThenUpdate);
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        result.Leftovers.Should().BeEmpty();
        fixture.Journal.Count(r => r.Type == "change").Should().Be(6);
    }

    [Fact]
    public async Task Secrets_never_reach_the_journal_or_the_events()
    {
        var graph = new TestGraph().Parameter("adminPassword", new SecretValue("hunter2")).PowerShell("register");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("register", ScriptedStepHost.Fail("login failed for password hunter2"));

        var result = await fixture.RunAsync(graph.Build());

        var journalText = await File.ReadAllTextAsync(fixture.JournalPath);
        journalText.Should().NotContain("hunter2").And.Contain("\"adminPassword\":\"***\"").And.Contain("password ***");
        fixture.Events.Should().NotContain(e => e.Message != null && e.Message.Contains("hunter2", StringComparison.Ordinal));
        result.Step("register").Message.Should().NotContain("hunter2");
    }

    [Fact]
    public async Task Cancellation_ends_the_run_resumably_with_exit_130()
    {
        var graph = new TestGraph().PowerShell("long").PowerShell("after");
        using var fixture = new ExecutionFixture(graph);
        using var cancellation = new CancellationTokenSource();
        fixture.Host.DuringCall = (_, _) =>
        {
            cancellation.Cancel();
            return Task.CompletedTask;
        };

        var result = await fixture.RunAsync(graph.Build(), ct: cancellation.Token);

        result.Outcome.Should().Be(RunOutcome.Cancelled);
        result.ExitCode.Should().Be(130);
        result.Step("after").Status.Should().Be(StepStatus.NotRun);
        fixture.Journal.Should().Contain(r => r.Type == "run-finished" && r.ExitCode == 130);
    }
}
