using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Unattended;

namespace AzureLocalUpgrade.Cli.Tests.SavedPlans;

/// <summary>
/// <c>alu show plan.json</c> (and <c>alu plan plan.json</c>) prints a saved plan as Terraform's show does: its hash,
/// whether its sources still match, and the plan in text, markdown or json, without running or writing anything.
/// </summary>
public sealed class ShowCommandTests
{
    [Fact]
    public async Task Show_prints_the_hash_that_sources_are_unchanged_and_the_plan()
    {
        using var workspace = new UnattendedWorkspace();
        var hash = await workspace.SavePlan();

        var show = await workspace.Alu("show", "plan.json");

        show.ExitCode.Should().Be(0, show.Error);
        show.Out.Should().StartWith("Saved plan: plan.json\n")
            .And.Contain($"Plan hash:  {hash}")
            .And.Contain("Sources:    unchanged")
            .And.Contain("test-maintenance");
        show.Error.Should().BeEmpty();
        workspace.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task Plan_of_a_saved_plan_prints_what_show_prints()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();

        var show = await workspace.Alu("show", "plan.json", "--format", "markdown");
        var plan = await workspace.Alu("plan", "plan.json", "--format", "markdown");

        plan.ExitCode.Should().Be(0, plan.Error);
        plan.Out.Should().StartWith("- **Saved plan:** plan.json").And.Be(show.Out);
    }

    [Fact]
    public async Task Show_of_a_plan_whose_runbook_was_edited_says_it_changed_and_names_the_file()
    {
        using var workspace = new UnattendedWorkspace();
        var hash = await workspace.SavePlan();
        File.AppendAllText(workspace.File("maintenance.yaml"), "\n# edited after review\n");

        var show = await workspace.Alu("show", "plan.json");
        var detailed = await workspace.Alu("show", "plan.json", "--detailed-exitcode");

        show.ExitCode.Should().Be(0, "showing the plan as saved succeeded");
        show.Out.Should().Contain($"Plan hash:  {hash}").And.Contain("Sources:    changed");
        show.Error.Should().Contain("warning ALU").And.Contain("maintenance.yaml");
        detailed.ExitCode.Should().Be(1, "alu run would refuse this plan");
    }

    [Fact]
    public async Task Show_of_a_plan_moved_away_from_its_sources_uses_the_copies_it_carries()
    {
        using var workspace = new UnattendedWorkspace();
        var hash = await workspace.SavePlan();
        var elsewhere = Directory.CreateDirectory(workspace.File("etc-alu")).FullName;
        File.Copy(workspace.File("plan.json"), Path.Combine(elsewhere, "plan.json"));

        var show = await CliRun.Of(elsewhere, "show", "plan.json");

        show.ExitCode.Should().Be(0, show.Error);
        show.Out.Should().Contain($"Plan hash:  {hash}").And.Contain("Sources:    not beside the plan (moved)");
    }

    [Fact]
    public async Task Show_json_has_format_version_first_the_hash_the_source_state_and_the_plan_without_source_copies()
    {
        using var workspace = new UnattendedWorkspace();
        var hash = await workspace.SavePlan();

        var show = await workspace.Alu("show", "plan.json", "--format", "json");

        show.ExitCode.Should().Be(0, show.Error);
        using var json = JsonDocument.Parse(show.Out);
        var root = json.RootElement;
        root.EnumerateObject().First().Name.Should().Be("formatVersion");
        root.GetProperty("formatVersion").GetInt32().Should().Be(Commands.ShowCommand.FormatVersion);
        root.GetProperty("hash").GetString().Should().Be(hash);
        root.GetProperty("sources").GetString().Should().Be("unchanged");
        root.GetProperty("plan").GetProperty("kind").GetString().Should().Be("Plan");
        root.GetProperty("plan").TryGetProperty("sources", out _).Should().BeFalse();
        show.Out.Should().NotContain(UnattendedWorkspace.Secret);
    }

    [Fact]
    public async Task Show_of_a_file_that_is_not_a_plan_is_invalid_input()
    {
        using var workspace = new UnattendedWorkspace();
        File.WriteAllText(workspace.File("other.json"), "{\"kind\": \"Something\"}");

        var show = await workspace.Alu("show", "other.json");
        var detailed = await workspace.Alu("show", "other.json", "--detailed-exitcode");

        show.ExitCode.Should().Be(2);
        show.Error.Should().Contain("not an alu plan");
        detailed.ExitCode.Should().Be(1, "with --detailed-exitcode, 2 means changes, so errors exit 1");
    }
}
