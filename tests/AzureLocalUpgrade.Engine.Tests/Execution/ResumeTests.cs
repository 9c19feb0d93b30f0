using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class ResumeTests
{
    [Fact]
    public async Task The_journal_reads_back_into_the_state_of_every_step()
    {
        var graph = new TestGraph().PowerShell("a").Check("b").SkippedAtCompileTime("c", "pruned");
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());

        var state = RunJournalReader.ReadResumeState(fixture.JournalPath);

        state.Finished.Should().BeEquivalentTo(new Dictionary<string, StepStatus> { ["a"] = StepStatus.Succeeded, ["b"] = StepStatus.Succeeded, ["c"] = StepStatus.Skipped });
        state.Interrupted.Should().BeEmpty();
        state.ChangeStarted.Should().BeTrue();
        state.Identity.StepIds.Should().Equal("a", "b", "c");
        state.LastFinish!.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task After_a_crash_finished_steps_stay_done_and_a_safe_interrupted_step_runs_again()
    {
        var graph = new TestGraph().PowerShell("a").PowerShell("b", idempotent: true).PowerShell("c");
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());
        CrashAfterStepStarted(fixture.JournalPath, "b");
        fixture.Host.Calls.Clear();

        var result = await fixture.RunAsync(graph.Build(), resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Select(c => c.StepId).Should().Equal("b", "c");
    }

    [Fact]
    public async Task After_a_crash_an_unsafe_interrupted_step_stops_the_run_for_a_decision()
    {
        var graph = new TestGraph().PowerShell("a").PowerShell("b").PowerShell("c");
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());
        CrashAfterStepStarted(fixture.JournalPath, "b");
        fixture.Host.Calls.Clear();

        var result = await fixture.RunAsync(graph.Build(), resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        result.Outcome.Should().Be(RunOutcome.Paused);
        result.PauseReason.Should().Be(PauseReason.Decision);
        result.ExitCode.Should().Be(3);
        result.WaitingFor.Should().Equal("b");
        result.Summary.Should().Contain("--retry b").And.Contain("--skip b");
        fixture.Host.Calls.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ResumeDecision.Retry, new[] { "b", "c" })]
    [InlineData(ResumeDecision.Skip, new[] { "c" })]
    public async Task A_decision_about_an_interrupted_step_is_honoured(ResumeDecision decision, string[] expectedCalls)
    {
        var graph = new TestGraph().PowerShell("a").PowerShell("b").PowerShell("c");
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());
        CrashAfterStepStarted(fixture.JournalPath, "b");
        fixture.Host.Calls.Clear();
        var state = RunJournalReader.ReadResumeState(fixture.JournalPath);

        var result = await fixture.RunAsync(graph.Build(), resume: state with { Decisions = new Dictionary<string, ResumeDecision> { ["b"] = decision } });

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Select(c => c.StepId).Should().Equal(expectedCalls);
    }

    [Fact]
    public async Task A_torn_last_line_from_a_crash_is_ignored()
    {
        var graph = new TestGraph().PowerShell("a");
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());
        await File.AppendAllTextAsync(fixture.JournalPath, "{\"formatVersion\":1,\"type\":\"step-sta");

        var records = RunJournalReader.ReadRecords(fixture.JournalPath);

        records.Should().NotBeEmpty().And.OnlyContain(r => r.Type != null);
    }

    [Fact]
    public async Task A_failed_step_runs_again_on_resume_and_the_rest_follows()
    {
        var graph = new TestGraph().PowerShell("a").PowerShell("b").PowerShell("c");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("b", ScriptedStepHost.Fail("transient"), ScriptedStepHost.Ok());
        await fixture.RunAsync(graph.Build());
        fixture.Host.Calls.Clear();

        var result = await fixture.RunAsync(graph.Build(), resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        fixture.Host.Calls.Select(c => c.StepId).Should().Equal("b", "c");
    }

    /// <summary>Cuts the journal right after a step's step-started line, as if the process died there.</summary>
    [Fact]
    public async Task After_a_crash_a_node_the_run_itself_took_down_in_an_earlier_group_is_not_counted_as_unhealthy_before_the_run()
    {
        var graph = new TestGraph(nodes: 2)
            .ForEach("restart", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, [new("reboot", Tags: ["reboots-node"], Idempotent: true)])
            .ForEach("update", new Strategy(StrategyMode.Rolling, null, 0), disruptive: false, [new("apply")]);
        using var fixture = new ExecutionFixture(graph);
        await fixture.RunAsync(graph.Build());
        CrashAfterStepStarted(fixture.JournalPath, "restart[hci01-n2]/reboot");
        fixture.Host.NodeStates["hci01-n1"] = "Down"; // still booting from this run's own restart
        fixture.Host.Calls.Clear();

        var result = await fixture.RunAsync(graph.Build(), resume: RunJournalReader.ReadResumeState(fixture.JournalPath));

        result.Outcome.Should().Be(RunOutcome.Succeeded, result.Summary);
        fixture.Host.StepCalls("update[hci01-n1]/apply").Should().ContainSingle();
    }

    private static void CrashAfterStepStarted(string journalPath, string stepId)
    {
        var lines = File.ReadAllLines(journalPath).ToList();
        var index = lines.FindIndex(l => l.Contains("\"type\":\"step-started\"", StringComparison.Ordinal) && l.Contains($"\"stepId\":\"{stepId}\"", StringComparison.Ordinal));
        File.WriteAllLines(journalPath, lines.Take(index + 1));
    }
}
