using AzureLocalUpgrade.Cli.Tests.Unattended;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// When the state folder is not what alu expects, the message names what is wrong and what to do next: never
/// "internal error", never a misleading "no run" or "no runs yet".
/// </summary>
public sealed class StuckMessageTests
{
    [Fact]
    public async Task A_corrupt_simulation_json_is_named_with_the_way_out()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.Alu("sim", "reset", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir)).ExitCode.Should().Be(0);
        var state = Path.Combine(workspace.StateDir, "clusters", "maint02", "simulation.json");
        File.WriteAllText(state, "{\"clusterName\": \"maint02\", \"now\": ");

        var status = await workspace.Alu("sim", "status", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir);

        status.ExitCode.Should().Be(2, status.Error);
        status.Error.Should().Contain("ALU6030").And.Contain("simulation.json").And.Contain("alu sim reset").And.NotContain("internal error");
    }

    [Fact]
    public async Task Resuming_a_run_whose_run_json_is_missing_says_so_instead_of_no_run()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook()).ExitCode.Should().Be(3, "the run pauses at its manual gate");
        var runId = await workspace.SingleRunId();
        File.Delete(Path.Combine(workspace.StateDir, "runs", runId, "run.json"));

        var resume = await workspace.Alu("resume", runId, "--state-dir", workspace.StateDir, "--approve", "*");

        resume.ExitCode.Should().Be(2, resume.Error);
        resume.Error.Should().Contain("ALU6033").And.Contain("run.json is missing").And.Contain($"alu status {runId}").And.NotContain("There is no run");
    }

    [Fact]
    public async Task Resuming_a_run_that_succeeded_says_it_is_done_and_exits_0()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook("--approve", "*")).ExitCode.Should().Be(0);
        var runId = await workspace.SingleRunId();

        var resume = await workspace.Alu("resume", runId, "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}");

        resume.ExitCode.Should().Be(0, resume.Error);
        resume.Error.Should().Contain($"Run {runId} already succeeded").And.NotContain("internal error");
    }

    [Fact]
    public async Task Status_of_a_mistyped_state_folder_says_it_holds_no_alu_state()
    {
        using var workspace = new UnattendedWorkspace();

        var status = await workspace.Alu("status", "--state-dir", workspace.File("stat"));

        status.ExitCode.Should().Be(0);
        status.Error.Should().Contain("ALU6032").And.Contain("holds no alu state").And.Contain("--state-dir");
    }

    [Fact]
    public async Task A_state_folder_alu_cannot_write_is_named_before_the_run_starts()
    {
        using var workspace = new UnattendedWorkspace();
        // As root a chmod does not stop writes; a file where the folder should be stops everyone.
        File.WriteAllText(workspace.File("state-file"), "");
        var stateDir = Path.Combine(workspace.File("state-file"), "state");

        var run = await workspace.Alu("run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", stateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("ALU6031").And.Contain(stateDir).And.NotContain("internal error");
    }

    [Fact]
    public async Task Sim_reset_refuses_with_exit_4_while_a_run_holds_the_cluster_but_advance_may_reach_its_window()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook()).ExitCode.Should().Be(3, "the paused run keeps the cluster's lock");

        var reset = await workspace.Alu("sim", "reset", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir);
        var advance = await workspace.Alu("sim", "advance", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--to", "2099-01-01T00:00:00Z");

        reset.ExitCode.Should().Be(4, reset.Error);
        reset.Error.Should().Contain("in use").And.Contain("alu resume");
        advance.ExitCode.Should().Be(0, "a paused run waits for the clock; moving it to the next window is the documented walk-through");
    }
}
