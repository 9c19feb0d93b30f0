using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// What a scheduler relies on, tested on the real process: stdin closed and no terminal never blocks on a gate,
/// a second run on a cluster another run holds exits 4 at once naming the holder, and --continue resumes.
/// </summary>
public sealed class SchedulerContractTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task With_stdin_closed_a_manual_gate_pauses_the_run_with_exit_3_instead_of_prompting()
    {
        using var workspace = new UnattendedWorkspace();

        using var process = AluProcess.Start(workspace.Path, "run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}");
        var result = await process.WaitAsync(Limit);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StandardError.Should().Contain("--approve change-approved");
    }

    [Fact]
    public async Task A_second_run_on_a_cluster_held_by_a_paused_run_exits_4_naming_the_holder()
    {
        using var workspace = new UnattendedWorkspace();
        var first = await AluProcess.RunAsync(workspace.Path, "run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}");
        first.ExitCode.Should().Be(3, first.ToString());
        var holder = await workspace.SingleRunId();

        var second = await AluProcess.RunAsync(workspace.Path, "run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--approve", "change-approved");

        second.ExitCode.Should().Be(4, second.ToString());
        second.StandardError.Should().Contain(holder);
    }

    [Fact]
    public async Task Two_runs_started_together_on_one_cluster_leave_exactly_one_exit_4()
    {
        using var workspace = new UnattendedWorkspace();
        string[] args = ["run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}"];

        // Both pause at the gate (exit 3) if they get the cluster; a paused run keeps its claim, so the loser is refused.
        using var a = AluProcess.Start(workspace.Path, args);
        using var b = AluProcess.Start(workspace.Path, args);
        var results = await Task.WhenAll(a.WaitAsync(Limit), b.WaitAsync(Limit));

        results.Select(r => r.ExitCode).Should().BeEquivalentTo([3, 4], string.Join("\n", results.Select(r => r.ToString())));
    }

    [Fact]
    public async Task Run_with_continue_resumes_the_paused_run_instead_of_starting_another()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook()).ExitCode.Should().Be(3);

        var again = await workspace.RunRunbook("--continue", "--approve", "change-approved");

        again.ExitCode.Should().Be(0, again.Error);
        workspace.RunFolders().Should().ContainSingle();
    }

    [Fact]
    public async Task Status_json_carries_a_format_version_and_the_simulated_nodes()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.RunRunbook("--approve", "change-approved");
        var runId = await workspace.SingleRunId();

        var status = await workspace.Alu("status", runId, "--state-dir", workspace.StateDir, "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(status.Out);
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("run").GetProperty("state").GetString().Should().Be("succeeded");
        json.RootElement.GetProperty("simulation").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("drains").GetInt32())
            .Should().Equal(1, 1);
    }

    [Fact]
    public async Task Run_with_continue_after_success_does_not_run_the_graph_again()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook("--approve", "change-approved")).ExitCode.Should().Be(0);

        var again = await workspace.RunRunbook("--continue", "--approve", "change-approved");

        again.ExitCode.Should().Be(0);
        again.Error.Should().Contain("nothing to do");
        workspace.RunFolders().Should().ContainSingle();
    }
}
