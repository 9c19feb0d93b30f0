using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// A saved plan is bound to its content, not to the folder it lies in: copied alone to a scheduler's folder it still
/// applies (it carries copies of its sources), its hash (the one approval files quote) does not change, and a copy
/// edited inside the plan is refused.
/// </summary>
public sealed class PortablePlanTests
{
    [Fact]
    public async Task A_plan_copied_alone_to_another_folder_applies_with_its_approval()
    {
        using var workspace = new UnattendedWorkspace();
        var hash = await workspace.SavePlan();
        var elsewhere = Directory.CreateDirectory(workspace.File("etc-alu-maint02")).FullName;
        File.Copy(workspace.File("plan.json"), Path.Combine(elsewhere, "plan.json"));
        workspace.WriteApproval(hash);

        var run = await workspace.Alu("run", Path.Combine(elsewhere, "plan.json"), "--state-dir", workspace.StateDir,
            "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--approvals", "approval.yaml");

        run.ExitCode.Should().Be(0, run.Error);
    }

    [Fact]
    public async Task The_same_plan_saved_in_two_folders_has_one_hash()
    {
        using var workspace = new UnattendedWorkspace();
        Directory.CreateDirectory(workspace.File("deep/er"));

        var here = await workspace.Alu("plan", "maintenance.yaml", "--cluster", "cluster.yaml", "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--out", "plan.json");
        var there = await workspace.Alu("plan", "maintenance.yaml", "--cluster", "cluster.yaml", "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--out", "deep/er/plan.json");

        HashIn(here.Error).Should().NotBeEmpty().And.Be(HashIn(there.Error));
    }

    [Fact]
    public async Task A_source_copy_edited_inside_a_moved_plan_is_refused_and_nothing_runs()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        var elsewhere = Directory.CreateDirectory(workspace.File("moved")).FullName;
        var plan = JsonNode.Parse(File.ReadAllText(workspace.File("plan.json")))!.AsObject();
        var sources = plan["sources"]!.AsObject();
        sources["maintenance.yaml"] = sources["maintenance.yaml"]!.GetValue<string>() + "\n# slipped in after review\n";
        File.WriteAllText(Path.Combine(elsewhere, "plan.json"), plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var run = await workspace.Alu("run", Path.Combine(elsewhere, "plan.json"), "--state-dir", workspace.StateDir,
            "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--approve", "change-approved");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("maintenance.yaml");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task A_saved_plan_carries_no_secret_value()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();

        File.ReadAllText(workspace.File("plan.json")).Should().NotContain(UnattendedWorkspace.Secret);
    }

    private static string HashIn(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, "sha256:[0-9a-f]{64}").Value;
}
