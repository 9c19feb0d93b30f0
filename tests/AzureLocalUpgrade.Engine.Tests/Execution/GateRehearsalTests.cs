using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// A gate's rehearse script plays the person's part on a simulated cluster: it runs on the gate's target once the
/// gate is approved, before the gate counts as done, and its failure fails the gate.
/// </summary>
public sealed class GateRehearsalTests
{
    [Fact]
    public async Task The_rehearsal_runs_once_after_the_approval_and_before_the_next_step()
    {
        var graph = new TestGraph().Manual("install", rehearsed: true).PowerShell("after");
        using var fixture = new ExecutionFixture(graph);
        var approvals = new RecordingApprovalSource(fixture.Host);

        var result = await fixture.RunAsync(graph.Build(), approvals: approvals);

        approvals.HostCallsWhenAsked.Should().Equal(0);
        fixture.Host.Calls.Where(c => !c.IsGuard).Select(c => c.StepId).Should().Equal("install", "after");
        result.Step("install").Should().Match<StepRecord>(s => s.Status == StepStatus.Succeeded && s.Message == "approved; rehearsal ran (simulated cluster)");
        fixture.Journal.Where(r => r.StepId == "install").Select(r => r.Type)
            .Should().ContainInOrder("gate-approved", "gate-rehearsal", "step-finished");
    }

    [Fact]
    public async Task A_pre_approved_gate_is_rehearsed_too()
    {
        var graph = new TestGraph().Manual("install", rehearsed: true);
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build(), c => c with { PreApprovedGates = new HashSet<string> { "install" }, ApprovedBy = "alice", PreApprovalMethod = "flag" });

        fixture.Host.StepCalls("install").Should().ContainSingle();
        fixture.Journal.Should().ContainSingle(r => r.Type == "gate-rehearsal" && r.StepId == "install" && r.Outcome == "succeeded");
    }

    [Fact]
    public async Task A_gate_waiting_for_approval_is_not_rehearsed()
    {
        var graph = new TestGraph().Manual("install", rehearsed: true);
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.WaitingFor.Should().Equal("install");
        fixture.Host.StepCalls("install").Should().BeEmpty();
        fixture.Journal.Should().NotContain(r => r.Type == "gate-rehearsal");
    }

    [Fact]
    public async Task A_rejected_gate_is_not_rehearsed()
    {
        var graph = new TestGraph().Manual("install", rehearsed: true);
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build(), approvals: new FixedApprovalSource(ApprovalDecision.Reject("bob", "interactive", "not today")));

        fixture.Host.StepCalls("install").Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_rehearsal_fails_the_gate_and_the_run()
    {
        var graph = new TestGraph().Manual("install", rehearsed: true).PowerShell("after");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("install", ScriptedStepHost.Fail("CAU run failed"));

        var result = await fixture.RunAsync(graph.Build(), approvals: new FixedApprovalSource(ApprovalDecision.Approve("alice", "interactive")));

        result.Step("install").Should().Match<StepRecord>(s => s.Status == StepStatus.Failed && s.Message!.StartsWith("rehearsal failed: CAU run failed"));
        result.Outcome.Should().Be(RunOutcome.Failed);
        fixture.Host.StepCalls("after").Should().BeEmpty();
        fixture.Journal.Should().Contain(r => r.Type == "gate-rehearsal" && r.Outcome == "failed");
    }

    [Fact]
    public async Task A_gate_without_a_rehearsal_never_calls_the_host()
    {
        var graph = new TestGraph().Manual("install");
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build(), approvals: new FixedApprovalSource(ApprovalDecision.Approve("alice", "interactive")));

        fixture.Host.StepCalls("install").Should().BeEmpty();
        fixture.Journal.Should().NotContain(r => r.Type == "gate-rehearsal");
    }

    /// <summary>Approves, noting how many times the host had been called for the gate when the person was asked.</summary>
    private sealed class RecordingApprovalSource(ScriptedStepHost host) : IApprovalSource
    {
        public List<int> HostCallsWhenAsked { get; } = [];

        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            HostCallsWhenAsked.Add(host.StepCalls(request.GateId).Count());
            return Task.FromResult(ApprovalDecision.Approve("alice", "interactive"));
        }
    }

    private sealed class FixedApprovalSource(ApprovalDecision decision) : IApprovalSource
    {
        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken) => Task.FromResult(decision);
    }
}
