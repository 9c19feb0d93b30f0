using System.Reflection;
using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>Each run-input problem is a positioned diagnostic with its code and exit 2, and nothing starts.</summary>
public sealed class RunInputDiagnosticsTests
{
    [Fact]
    public async Task A_plan_whose_fragment_or_runbook_disappeared_is_refused_with_ALU6003()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        File.Move(workspace.File("maintenance.yaml"), workspace.File("renamed.yaml"));

        var run = await workspace.RunPlan();

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6003").And.Contain("maintenance.yaml");
    }

    [Fact]
    public async Task A_hand_edited_plan_is_refused_with_ALU6005()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        var plan = workspace.File("plan.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("Resume-ClusterNode -Name $Node -Failback Immediate", "Resume-ClusterNode -Name $Node", StringComparison.Ordinal));

        var run = await workspace.RunPlan("--approve", "change-approved");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error ALU6005");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task An_approval_file_without_gates_is_refused_with_ALU6006()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        File.WriteAllText(workspace.File("approval.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: Approval\napprovedBy: jane.doe\n");

        var run = await workspace.RunPlan("--approvals", "approval.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("ALU6006");
    }

    [Fact]
    public async Task Resuming_an_unknown_run_is_refused_with_ALU6009()
    {
        using var workspace = new UnattendedWorkspace();

        var resume = await workspace.Alu("resume", "20990101-000000-nowhere-0000", "--state-dir", workspace.StateDir);

        resume.ExitCode.Should().Be(2);
        resume.Error.Should().Contain("ALU6009");
    }

    [Fact]
    public async Task An_unreadable_scenario_is_refused_with_ALU6010()
    {
        using var workspace = new UnattendedWorkspace();
        File.WriteAllText(workspace.File("scenario.yaml"), "faults: [ { kind: meteor-strike } ]\n");

        var run = await workspace.RunRunbook("--scenario", "scenario.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("ALU6010");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Theory]
    [InlineData("runbooks/22h2-to-23h2/sconfig.yaml", "samples/clusters/four-node-23h2.yaml", "already runs 23H2")]
    [InlineData("runbooks/22h2-to-23h2/sconfig.yaml", "samples/clusters/stretch-22h2.yaml", "stretched cluster takes 23H2 only by a CAU run")]
    [InlineData("runbooks/23h2-to-24h2/sconfig.yaml", "samples/clusters/four-node-22h2.yaml", "22H2")]
    public async Task Planning_for_a_cluster_the_runbook_does_not_apply_to_exits_5_with_the_reason_and_no_plan(string runbook, string cluster, string reason)
    {
        var plan = await CliRun.Of(Harness.AluProcess.RepositoryRoot, "plan", runbook, "--cluster", cluster);

        plan.ExitCode.Should().Be(5);
        plan.Out.Should().BeEmpty();
        plan.Error.Should().Contain("error ALU6011").And.Contain(reason);
    }

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(RunInputCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    /// <summary>No run-input code is dead: some CLI test in this folder asserts that the output contains it.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_run_input_code_is_expected_by_a_test(string code)
    {
        var tests = string.Concat(Directory.GetFiles(ThisFolder(), "*.cs").Select(File.ReadAllText));

        tests.Should().ContainAny($"Contain(\"{code}\")", $"Contain(\"error {code}\")");
    }

    private static string ThisFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
