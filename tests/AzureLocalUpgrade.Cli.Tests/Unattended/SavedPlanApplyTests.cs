namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary><c>alu plan --out plan.json</c> then <c>alu run plan.json</c>: exactly what was approved, or nothing.</summary>
public sealed class SavedPlanApplyTests
{
    [Fact]
    public async Task A_saved_plan_whose_sources_are_unchanged_runs_to_the_end()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();

        var run = await workspace.RunPlan("--approve", "change-approved");

        run.ExitCode.Should().Be(0, run.Error);
    }

    [Fact]
    public async Task An_edited_runbook_is_refused_with_exit_2_naming_the_file()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        File.AppendAllText(workspace.File("maintenance.yaml"), "# edited after review\n");

        var run = await workspace.RunPlan("--approve", "change-approved");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6002").And.Contain("maintenance.yaml");
    }

    [Fact]
    public async Task A_refused_plan_changes_nothing_and_starts_no_run()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        File.AppendAllText(workspace.File("maintenance.yaml"), "# edited after review\n");

        await workspace.RunPlan("--approve", "change-approved");

        workspace.RunFolders().Should().BeEmpty();
        Directory.Exists(Path.Combine(workspace.StateDir, "clusters")).Should().BeFalse("the simulated cluster must not even be opened");
    }

    [Fact]
    public async Task A_drifted_inventory_is_refused_naming_the_facts_that_changed()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        var inventory = workspace.File("cluster.yaml");
        File.WriteAllText(inventory, File.ReadAllText(inventory).Replace("build: '20349.3692'\n    state: Up\n    secureBoot: true\n    nicDrivers: [ { vendor: NVIDIA", "build: '20349.3700'\n    state: Up\n    secureBoot: true\n    nicDrivers: [ { vendor: NVIDIA", StringComparison.Ordinal));

        var run = await workspace.RunPlan("--approve", "change-approved");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6004").And.Contain("maint02-n2").And.Contain("20349.3692").And.Contain("20349.3700");
    }

    [Fact]
    public async Task A_plan_given_an_inventory_with_other_facts_is_refused_naming_the_drift()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        File.WriteAllText(workspace.File("other.yaml"), File.ReadAllText(workspace.File("cluster.yaml")).Replace("orchestratorOs: Windows Server 2022", "orchestratorOs: Windows Server 2025", StringComparison.Ordinal));

        var run = await workspace.RunPlan("--cluster", "other.yaml", "--approve", "change-approved");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("other.yaml");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task An_approval_file_bound_to_the_plan_hash_pre_approves_its_gates()
    {
        using var workspace = new UnattendedWorkspace();
        workspace.WriteApproval(await workspace.SavePlan());

        var run = await workspace.RunPlan("--approvals", "approval.yaml");

        run.ExitCode.Should().Be(0, run.Error);
        var report = File.ReadAllText(Path.Combine(workspace.RunFolders().Single(), "report.md"));
        report.Should().Contain("jane.doe").And.Contain("CHG0012345");
    }

    [Fact]
    public async Task An_approval_file_for_another_plan_is_refused()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        workspace.WriteApproval("sha256:" + new string('0', 64));

        var run = await workspace.RunPlan("--approvals", "approval.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6007");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task An_approval_file_cannot_approve_a_runbook_run_without_a_saved_plan()
    {
        using var workspace = new UnattendedWorkspace();
        workspace.WriteApproval(await workspace.SavePlan());

        var run = await workspace.RunRunbook("--approvals", "approval.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6007");
    }
}
