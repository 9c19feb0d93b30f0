namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// <c>--window</c>: each node's group (estimate 1h) starts only if it fits in what is left of the window. The
/// simulated cluster's clock starts on Monday 2025-06-02 08:00 UTC; <c>alu sim advance</c> moves it to the next window.
/// </summary>
public sealed class MaintenanceWindowRunTests
{
    private static readonly string[] Window = ["--window", "Mon 07:00-Mon 08:30", "--time-zone", "UTC", "--approve", "change-approved"];

    [Fact]
    public async Task A_window_too_short_for_a_node_pauses_the_run_with_exit_3_and_the_reason()
    {
        using var workspace = new UnattendedWorkspace();

        var run = await workspace.RunRunbook(Window);

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain("maintain[maint02-n1]").And.Contain("alu resume");
    }

    [Fact]
    public async Task A_resume_in_the_next_window_finishes_every_node()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.RunRunbook(Window);
        var runId = await workspace.SingleRunId();
        (await workspace.Alu("sim", "advance", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--to", "2025-06-09T07:00:00Z")).ExitCode.Should().Be(0);

        var resume = await workspace.Alu(["resume", runId, "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}", .. Window]);

        resume.ExitCode.Should().Be(0, resume.Error);
        var status = await workspace.Alu("status", runId, "--state-dir", workspace.StateDir);
        status.Out.Should().Contain("Succeeded");
    }

    [Fact]
    public async Task A_resume_before_the_next_window_pauses_again_without_touching_a_node()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.RunRunbook(Window);
        var runId = await workspace.SingleRunId();

        var resume = await workspace.Alu(["resume", runId, "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}", .. Window]);

        resume.ExitCode.Should().Be(3);
        var nodes = await workspace.Alu("sim", "status", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir);
        nodes.Out.Should().NotContain("Paused");
    }

    [Fact]
    public async Task An_unreadable_window_is_invalid_input()
    {
        using var workspace = new UnattendedWorkspace();

        var run = await workspace.RunRunbook("--window", "Someday 25:00-later");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6008");
        workspace.RunFolders().Should().BeEmpty();
    }
}
