using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class StepKindTests
{
    [Fact]
    public async Task A_failing_step_is_retried_with_backoff_delays_through_the_clock()
    {
        var graph = new TestGraph().PowerShell("flaky", retry: new RetryPolicy(3, TimeSpan.FromSeconds(10), 2));
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("flaky", ScriptedStepHost.Fail("busy"), ScriptedStepHost.Fail("busy"), ScriptedStepHost.Ok());

        var result = await fixture.RunAsync(graph.Build());

        result.Step("flaky").Should().Match<StepRecord>(s => s.Status == StepStatus.Succeeded && s.Attempts == 3);
        fixture.Clock.Delays.Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        fixture.Journal.Count(r => r.Type == "step-attempt" && r.StepId == "flaky" && r.Outcome != "retrying").Should().Be(3);
    }

    [Fact]
    public async Task The_timeout_is_passed_to_the_host_and_a_timed_out_script_fails_the_step()
    {
        var graph = new TestGraph().PowerShell("slow", timeout: TimeSpan.FromMinutes(30));
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("slow", ScriptedStepHost.TimedOut);

        var result = await fixture.RunAsync(graph.Build());

        fixture.Host.StepCalls("slow").Single().Timeout.Should().Be(TimeSpan.FromMinutes(30));
        result.Step("slow").Message.Should().Be("timed out after 00:30:00");
        result.Outcome.Should().Be(RunOutcome.Failed);
    }

    [Fact]
    public async Task An_unreachable_node_after_the_reconnect_timeout_is_a_failure_that_says_so()
    {
        var graph = new TestGraph().PowerShell("reboot");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("reboot", ScriptedStepHost.Unreachable);

        var result = await fixture.RunAsync(graph.Build(), c => c with { ReconnectTimeout = TimeSpan.FromMinutes(20) });

        result.Step("reboot").Message.Should().Contain("unreachable for longer than the reconnect timeout (00:20:00)");
    }

    [Fact]
    public async Task A_wait_step_polls_at_its_interval_until_the_script_is_true()
    {
        var graph = new TestGraph().Wait("repaired", TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("repaired", ScriptedStepHost.False, ScriptedStepHost.False, ScriptedStepHost.True);

        var result = await fixture.RunAsync(graph.Build());

        result.Step("repaired").Should().Match<StepRecord>(s => s.Status == StepStatus.Succeeded && s.Attempts == 3);
        fixture.Clock.Delays.Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_wait_step_fails_when_its_timeout_passes()
    {
        var graph = new TestGraph().Wait("repaired", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("repaired", ScriptedStepHost.False);

        var result = await fixture.RunAsync(graph.Build());

        result.Step("repaired").Should().Match<StepRecord>(s => s.Status == StepStatus.Failed && s.Attempts == 4);
        result.Step("repaired").Message.Should().Contain("still not true after 00:03:00");
    }

    [Fact]
    public async Task An_error_check_before_any_change_is_a_precondition_failure()
    {
        var graph = new TestGraph().Check("not-deployed", message: "The solution is already deployed").PowerShell("change");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("not-deployed", ScriptedStepHost.False);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.PreconditionFailed);
        result.ExitCode.Should().Be(5);
        result.Summary.Should().Contain("The solution is already deployed");
        result.Step("change").Status.Should().Be(StepStatus.NotRun);
    }

    [Fact]
    public async Task An_error_check_after_a_change_is_an_ordinary_failure()
    {
        var graph = new TestGraph().PowerShell("change").Check("verify");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("verify", ScriptedStepHost.False);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Failed);
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task A_warning_check_is_reported_and_the_run_continues()
    {
        var graph = new TestGraph().Check("drivers", Severity.Warning, "NIC driver is older than recommended").PowerShell("next");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.Returns("drivers", ScriptedStepHost.False);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        result.Warnings.Should().ContainSingle(w => w.StepId == "drivers" && w.Message == "NIC driver is older than recommended");
        result.Step("next").Status.Should().Be(StepStatus.Succeeded);
        fixture.Journal.Should().Contain(r => r.Type == "check-warning" && r.StepId == "drivers");
    }

    [Fact]
    public async Task An_unattended_gate_pauses_the_run_resumably_and_names_the_gate()
    {
        var graph = new TestGraph().PowerShell("before").Manual("secure-boot").PowerShell("after");
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Outcome.Should().Be(RunOutcome.Paused);
        result.ExitCode.Should().Be(3);
        result.WaitingFor.Should().Equal("secure-boot");
        result.Summary.Should().Contain("--approve secure-boot");
        fixture.Host.StepCalls("after").Should().BeEmpty();
        fixture.Journal.Should().Contain(r => r.Type == "gate-waiting" && r.StepId == "secure-boot");
    }

    [Fact]
    public async Task A_pre_approved_gate_is_journalled_with_who_and_how()
    {
        var graph = new TestGraph().Manual("secure-boot").PowerShell("after");
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build(), c => c with
        {
            PreApprovedGates = new HashSet<string> { "secure-boot" }, ApprovedBy = "alice", PreApprovalMethod = "flag",
        });

        result.Outcome.Should().Be(RunOutcome.Succeeded);
        result.Approvals.Should().ContainSingle(a => a.GateId == "secure-boot" && a.By == "alice" && a.How == "flag");
        fixture.Journal.Should().Contain(r => r.Type == "gate-approved" && r.By == "alice" && r.How == "flag");
    }

    [Fact]
    public async Task A_gate_rejected_interactively_fails_the_step()
    {
        var graph = new TestGraph().Manual("secure-boot");
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build(), approvals: new FixedApprovalSource(ApprovalDecision.Reject("bob", "interactive", "UEFI locked")));

        result.Step("secure-boot").Message.Should().Be("gate secure-boot rejected by bob: UEFI locked");
    }

    [Fact]
    public async Task A_true_skipIf_guard_skips_the_step_without_running_it()
    {
        var graph = new TestGraph().PowerShell("drain", skipIf: "(Get-ClusterNode -Name $Node).State -eq 'Paused'");
        using var fixture = new ExecutionFixture(graph);
        fixture.Host.GuardReturns("drain", ScriptedStepHost.True);

        var result = await fixture.RunAsync(graph.Build());

        result.Step("drain").Status.Should().Be(StepStatus.Skipped);
        fixture.Host.StepCalls("drain").Should().BeEmpty();
        fixture.Journal.Should().Contain(r => r.Type == "step-skipped" && r.StepId == "drain");
    }

    [Fact]
    public async Task A_step_pruned_at_compile_time_is_journalled_as_skipped_and_never_runs()
    {
        var graph = new TestGraph().SkippedAtCompileTime("aks", "when: cluster.aks_arc is false").PowerShell("after");
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Step("aks").Should().Match<StepRecord>(s => s.Status == StepStatus.Skipped && s.Message == "when: cluster.aks_arc is false");
        fixture.Host.Calls.Should().NotContain(c => c.StepId == "aks");
        result.Step("after").Status.Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public async Task Scripts_get_values_as_bound_parameters()
    {
        var graph = new TestGraph().Parameter("setupMedia", @"C:\Setup").PowerShell("use");
        using var fixture = new ExecutionFixture(graph);

        await fixture.RunAsync(graph.Build());

        var parameters = fixture.Host.StepCalls("use").Single().Parameters;
        parameters["ClusterName"].Should().Be("hci01");
        ((IReadOnlyDictionary<string, object?>)parameters["Params"]!)["setupMedia"].Should().Be(@"C:\Setup");
    }

    private sealed class FixedApprovalSource(ApprovalDecision decision) : IApprovalSource
    {
        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken) => Task.FromResult(decision);
    }
}
