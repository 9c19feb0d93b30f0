using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Tests.Execution.Runs;

public sealed class GroupRowStatusTests
{
    [Theory]
    [InlineData(StepStatus.Skipped, StepStatus.Skipped, StepStatus.Skipped)]
    [InlineData(StepStatus.Succeeded, StepStatus.Skipped, StepStatus.Succeeded)]
    [InlineData(StepStatus.Succeeded, StepStatus.Failed, StepStatus.Failed)]
    [InlineData(StepStatus.Succeeded, StepStatus.Running, StepStatus.Running)]
    [InlineData(StepStatus.Succeeded, StepStatus.Interrupted, StepStatus.Interrupted)]
    [InlineData(StepStatus.Succeeded, StepStatus.Pending, StepStatus.Pending)]
    public void A_group_row_takes_its_status_from_its_steps(StepStatus first, StepStatus second, StepStatus expected)
    {
        var rows = Rows(("secure-boot/node[n1]", StepStatus.Pending, null), ("secure-boot/node[n1]/drain", first, "n1"), ("secure-boot/node[n1]/resume", second, "n1"));

        var group = GroupRowStatus.Complete(rows, RunState.Paused)[0];

        group.Status.Should().Be(expected);
        group.Target.Should().Be("n1");
    }

    [Fact]
    public void A_group_whose_steps_were_all_skipped_says_so()
    {
        var rows = Rows(("g/node[n1]", StepStatus.Pending, null), ("g/node[n1]/a", StepStatus.Skipped, "n1"));

        GroupRowStatus.Complete(rows, RunState.Succeeded)[0].Message.Should().Be(GroupRowStatus.AllSkipped);
    }

    [Fact]
    public void In_a_succeeded_run_a_step_with_no_record_was_not_needed_rather_than_pending()
    {
        var rows = Rows(("rollback", StepStatus.Pending, null), ("upgrade", StepStatus.Succeeded, "cluster"));

        var completed = GroupRowStatus.Complete(rows, RunState.Succeeded);

        completed.Should().NotContain(r => r.Status == StepStatus.Pending);
        completed[0].Message.Should().Be(GroupRowStatus.NotNeeded);
    }

    [Fact]
    public void In_a_paused_run_a_step_with_no_record_is_still_pending()
    {
        var rows = Rows(("later", StepStatus.Pending, null), ("earlier", StepStatus.Succeeded, "cluster"));

        GroupRowStatus.Complete(rows, RunState.Paused)[0].Status.Should().Be(StepStatus.Pending);
    }

    [Fact]
    public void A_group_prefix_does_not_capture_a_sibling_whose_id_merely_starts_the_same()
    {
        var rows = Rows(("drain", StepStatus.Pending, null), ("drain-check", StepStatus.Failed, "n1"));

        GroupRowStatus.Complete(rows, RunState.Paused)[0].Status.Should().Be(StepStatus.Pending);
    }

    private static List<RunStepRow> Rows(params (string Id, StepStatus Status, string? Target)[] rows) =>
        rows.Select(r => new RunStepRow(r.Id, r.Target, r.Status, 0, null, null)).ToList();
}
