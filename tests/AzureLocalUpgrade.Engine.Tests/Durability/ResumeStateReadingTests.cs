using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>What a journal adds up to for a resume, record by record: each rule pinned by a journal that breaks it.</summary>
public sealed class ResumeStateReadingTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "alu-resume-" + Guid.NewGuid().ToString("N") + ".jsonl");

    [Fact]
    public void A_step_started_again_after_it_finished_is_no_longer_finished_but_interrupted()
    {
        var state = Read(Started(), Step("step-started", "a", kind: "powershell"), Step("step-finished", "a", outcome: "failed", attempts: 2),
            Step("run-resumed"), Step("step-started", "a", kind: "powershell"));

        state.Finished.Should().NotContainKey("a");
        state.Interrupted.Should().Equal("a");
    }

    [Fact]
    public void Interrupted_steps_keep_journal_order_and_a_restarted_one_moves_to_the_end()
    {
        var state = Read(Started(), Step("step-started", "a"), Step("step-started", "b"), Step("step-started", "a"));

        state.Interrupted.Should().Equal("b", "a");
    }

    [Fact]
    public void Attempts_are_read_from_the_finish_record()
    {
        var state = Read(Started(), Step("step-started", "a", kind: "powershell"), Step("step-finished", "a", outcome: "succeeded", attempts: 3));

        state.Attempts["a"].Should().Be(3);
        state.Finished["a"].Should().Be(StepStatus.Succeeded);
    }

    [Theory]
    [InlineData("succeeded", StepStatus.Succeeded)]
    [InlineData("skipped", StepStatus.Skipped)]
    [InlineData("failed", StepStatus.Failed)]
    [InlineData("timed-out", StepStatus.Failed)]
    [InlineData("pending", StepStatus.Pending)]
    public void A_finish_outcome_reads_as_a_status(string outcome, StepStatus status) =>
        Read(Started(), Step("step-finished", "a", outcome: outcome)).Finished["a"].Should().Be(status);

    [Theory]
    [InlineData("powershell", true)]
    [InlineData("manual", false)]
    [InlineData("check", false)]
    public void Only_a_powershell_step_that_started_means_a_change_may_have_started(string kind, bool changeStarted) =>
        Read(Started(), Step("step-started", "a", kind: kind)).ChangeStarted.Should().Be(changeStarted);

    [Fact]
    public void A_gate_rehearsal_means_a_change_started() =>
        Read(Started(), Step("gate-rehearsal", "g")).ChangeStarted.Should().BeTrue();

    [Fact]
    public void A_skip_finishes_an_interrupted_step()
    {
        var state = Read(Started(), Step("step-started", "a"), Step("step-skipped", "a"));

        state.Interrupted.Should().BeEmpty();
        state.Finished["a"].Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public void Decisions_approvals_and_changes_are_carried_over()
    {
        var state = Read(Started(),
            """{"type":"decision","stepId":"a","decision":"skip"}""",
            """{"type":"decision","stepId":"b","decision":"nonsense"}""",
            """{"type":"gate-approved","stepId":"g","by":"alice","how":"flag"}""",
            """{"type":"change","stepId":"a","change":{"kind":"drained","subject":"node1","undo":"resume","description":"node1 drained"}}""");

        state.Decisions.Should().BeEquivalentTo(new Dictionary<string, ResumeDecision> { ["a"] = ResumeDecision.Skip });
        state.Approvals["g"].By.Should().Be("alice");
        state.Changes.Should().ContainSingle();
    }

    [Fact]
    public void The_first_cluster_state_is_the_initial_one()
    {
        var state = Read(Started(), """{"type":"cluster-state","nodes":{"n1":"Up"}}""", """{"type":"cluster-state","nodes":{"n1":"Down"}}""");

        state.InitialNodeStates["n1"].Should().Be("Up");
    }

    [Fact]
    public void A_resume_clears_the_last_finish_and_a_later_finish_sets_it()
    {
        Read(Started(), """{"type":"run-finished","exitCode":3}""", Step("run-resumed")).LastFinish.Should().BeNull();
        Read(Started(), """{"type":"run-finished","exitCode":3}""", Step("run-resumed"), """{"type":"run-finished","exitCode":1}""").LastFinish!.ExitCode.Should().Be(1);
    }

    [Fact]
    public void An_outcome_unknown_record_marks_only_a_step_still_open_and_a_restart_clears_it()
    {
        var state = Read(Started(), Step("step-started", "a"), Step("step-outcome-unknown", "a"), Step("step-outcome-unknown", "b"));
        state.OutcomeUnknown.Should().Equal("a");

        Read(Started(), Step("step-started", "a"), Step("step-outcome-unknown", "a"), Step("step-started", "a")).OutcomeUnknown.Should().BeEmpty();
    }

    [Fact]
    public void A_journal_without_a_run_start_is_not_a_run_journal()
    {
        var read = () => Read(Step("step-started", "a"));

        read.Should().Throw<InvalidDataException>().WithMessage("*no run-started record*");
    }

    [Fact]
    public void A_record_of_a_newer_format_is_refused_with_its_line()
    {
        var read = () => Read(Started(), """{"formatVersion":99,"type":"step-started","stepId":"a"}""", Step("step-started", "b"));

        read.Should().Throw<InvalidDataException>().WithMessage($"{_path}:2: *newer*");
    }

    [Fact]
    public void A_steps_first_baseline_is_kept_across_retries_and_finishes()
    {
        var state = Read(Started(), Step("step-started", "a", kind: "powershell"), Baseline("a", "boot-1"), Step("step-started", "a", kind: "powershell"),
            Baseline("a", "boot-2"), Step("step-finished", "a", outcome: "failed"), Baseline("b", "boot-9"));

        state.Baselines.Should().Equal(new Dictionary<string, string> { ["a"] = "boot-1", ["b"] = "boot-9" });
    }

    [Fact]
    public void A_finish_without_attempts_counts_none_and_an_approval_without_names_says_unknown()
    {
        var state = Read(Started(), Step("step-started", "a"), Step("step-finished", "a", outcome: "succeeded"),
            """{"type":"gate-approved","stepId":"b"}""");

        state.Attempts["a"].Should().Be(0);
        state.Approvals["b"].Should().BeEquivalentTo(new { GateId = "b", By = "unknown", How = "unknown" });
    }

    [Fact]
    public void A_decision_is_read_whatever_its_case_and_an_unknown_one_is_ignored()
    {
        var state = Read(Started(), """{"type":"decision","stepId":"a","decision":"Skip"}""", """{"type":"decision","stepId":"b","decision":"later"}""");

        state.Decisions.Should().Equal(new Dictionary<string, ResumeDecision> { ["a"] = ResumeDecision.Skip });
    }

    [Fact]
    public void Blank_lines_are_no_damage_and_a_null_line_is_skipped_with_a_warning()
    {
        var state = Read(Started(), "", "   ", "null", Step("step-started", "a"), "");

        state.Interrupted.Should().Equal("a");
        state.Warnings.Should().ContainSingle().Which.Should().Be($"{_path}:4: damaged journal line skipped (null record)");
    }

    [Fact]
    public void A_damaged_line_followed_only_by_blank_lines_is_a_torn_tail_not_a_warning() =>
        Read(Started(), Step("step-started", "a"), "{\"type\":\"step-fin", "", " ").Warnings.Should().BeEmpty();

    [Theory]
    [InlineData("""{"type":"run-started","run":{"runbookName":"x","runbookVersion":"1","cluster":"c","graphFingerprint":"f","sourceHashes":{},"parameters":{},"stepIds":[]}}""", "run-started has no run id")]
    [InlineData("""{"type":"run-started","runId":"r1"}""", "run-started has no run identity")]
    public void A_run_start_without_its_id_or_identity_is_refused_by_name(string started, string problem)
    {
        var read = () => Read(started);

        read.Should().Throw<InvalidDataException>().WithMessage($"{_path}: {problem}.");
    }

    [Fact]
    public void Every_step_that_ever_started_is_remembered_after_it_finished_or_was_skipped()
    {
        var state = Read(Started(), Step("step-started", "a"), Step("step-finished", "a", outcome: "succeeded"), Step("step-started", "b"),
            Step("step-skipped", "b"), Step("step-skipped", "c"));

        state.Started.Should().BeEquivalentTo(["a", "b"]);
    }

    [Fact]
    public void A_baseline_record_without_a_value_is_ignored() =>
        Read(Started(), Step("step-started", "a"), Step(JournalRecordTypes.StepBaseline, "a")).Baselines.Should().BeEmpty();

    [Fact]
    public void A_cluster_state_record_without_nodes_does_not_hide_the_first_one_with_nodes()
    {
        var state = Read(Started(), """{"type":"cluster-state"}""", """{"type":"cluster-state","nodes":{"n1":"Up"}}""");

        state.InitialNodeStates.Should().Equal(new Dictionary<string, string> { ["n1"] = "Up" });
    }

    [Fact]
    public void A_journal_without_cluster_state_has_no_initial_node_states() =>
        Read(Started()).InitialNodeStates.Should().BeEmpty();

    public void Dispose() => File.Delete(_path);

    private static string Started() =>
        """{"type":"run-started","runId":"r1","run":{"runbookName":"x","runbookVersion":"1","cluster":"c","graphFingerprint":"f","sourceHashes":{},"parameters":{},"stepIds":["a","b"]}}""";

    private static string Step(string type, string? step = null, string? kind = null, string? outcome = null, int? attempts = null) =>
        System.Text.Json.JsonSerializer.Serialize(new JournalRecord { Type = type, StepId = step, Kind = kind, Outcome = outcome, Attempts = attempts }, JournalJson.Options);

    private static string Baseline(string step, string value) =>
        System.Text.Json.JsonSerializer.Serialize(new JournalRecord { Type = JournalRecordTypes.StepBaseline, StepId = step, Baseline = value }, JournalJson.Options);

    private ResumeState Read(params string[] lines)
    {
        File.WriteAllLines(_path, lines);
        return RunJournalReader.ReadResumeState(_path);
    }
}
