using AzureLocalUpgrade.Cli.Tests.Unattended;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// Nothing given to alu can make it read or write outside its state folder: cluster and node names follow Windows'
/// rules (ALU2601, ALU2602) before they become paths, and run ids are checked (ALU2603) before they do.
/// </summary>
public sealed class StateContainmentTests
{
    public static TheoryData<string> EscapingClusterNames() => ["../../escaped-x", "/tmp/alu-escaped-absolute", ".", "..", "../runs"];

    [Theory]
    [MemberData(nameof(EscapingClusterNames))]
    public async Task A_cluster_name_that_would_leave_the_state_folder_is_refused_in_the_inventory(string name)
    {
        using var workspace = new UnattendedWorkspace();
        var inventory = File.ReadAllText(workspace.File("cluster.yaml")).Replace("name: maint02\n", $"name: '{name}'\n", StringComparison.Ordinal);
        File.WriteAllText(workspace.File("cluster.yaml"), inventory);
        var before = Directory.GetFileSystemEntries(workspace.Path);

        var run = await workspace.RunRunbook("--approve", "*");
        var reset = await workspace.Alu("sim", "reset", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("cluster.yaml:5:7: error ALU2601");
        reset.ExitCode.Should().Be(2, reset.Error);
        Directory.GetFileSystemEntries(workspace.Path).Should().BeEquivalentTo(before, "a refused inventory creates nothing, in the state folder or beside it");
        Directory.Exists("/tmp/alu-escaped-absolute").Should().BeFalse();
    }

    [Fact]
    public async Task A_node_name_with_an_equals_sign_or_a_newline_is_refused_in_the_inventory()
    {
        using var workspace = new UnattendedWorkspace();
        var inventory = File.ReadAllText(workspace.File("cluster.yaml"))
            .Replace("- name: maint02-n1", "- name: \"maint02=n1\"", StringComparison.Ordinal)
            .Replace("- name: maint02-n2", "- name: \"maint02\\nn2\"", StringComparison.Ordinal);
        File.WriteAllText(workspace.File("cluster.yaml"), inventory);

        var run = await workspace.RunRunbook("--approve", "*");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("error ALU2602").And.Contain("'maint02=n1'").And.Contain("maint02\\u000an2");
    }

    [Fact]
    public async Task A_100_KB_cluster_name_is_echoed_cut_short()
    {
        using var workspace = new UnattendedWorkspace();
        var name = new string('a', 100_000);
        File.WriteAllText(workspace.File("cluster.yaml"), File.ReadAllText(workspace.File("cluster.yaml")).Replace("name: maint02\n", $"name: {name}\n", StringComparison.Ordinal));

        var plan = await workspace.Alu("plan", "maintenance.yaml", "--cluster", "cluster.yaml", "--set", $"bmcPassword={UnattendedWorkspace.Secret}");

        plan.ExitCode.Should().Be(2);
        plan.Error.Should().Contain("ALU2601").And.Contain("(100000 characters)");
        plan.Error.Length.Should().BeLessThan(2_000);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("report")]
    [InlineData("resume")]
    public async Task A_run_id_that_is_a_path_is_refused_before_anything_is_read_or_written(string command)
    {
        using var workspace = new UnattendedWorkspace();
        var outside = Path.Combine(workspace.Path, "outside", "run");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "journal.jsonl"), "");

        var result = await workspace.Alu(command, "../../outside/run", "--state-dir", workspace.StateDir);

        result.ExitCode.Should().Be(2, result.Error);
        result.Error.Should().Contain("ALU2603");
        Directory.GetFiles(outside).Should().Equal([Path.Combine(outside, "journal.jsonl")]);
        new FileInfo(Path.Combine(outside, "journal.jsonl")).Length.Should().Be(0);
    }
}
