using AzureLocalUpgrade.Cli.Commands;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Cli.Tests.Unattended;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// Every file alu is given goes through one bounded reader: a device or a FIFO is refused by name (ALU1020) instead
/// of hanging alu or growing its memory, a huge file is refused before it is read, and a deeply nested file is
/// refused before it can overflow the stack, whichever option it arrives through.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);

    public static TheoryData<string> FifoOptions() => ["runbook", "import", "--cluster", "--params", "--approvals", "plan"];

    [Theory]
    [MemberData(nameof(FifoOptions))]
    public async Task A_fifo_given_as_any_input_is_refused_with_ALU1020_without_waiting_for_a_writer(string option)
    {
        if (!SpecialFiles.Supported)
        {
            return;
        }

        using var workspace = new UnattendedWorkspace();
        var fifo = SpecialFiles.Fifo(workspace.File(option == "plan" ? "fifo.json" : "fifo.yaml"));
        string[] args = option switch
        {
            "runbook" => ["run", fifo, "--cluster", "cluster.yaml"],
            "import" => ["run", WriteImporter(workspace), "--cluster", "cluster.yaml"],
            "--cluster" => ["run", "maintenance.yaml", "--cluster", fifo],
            "--params" => ["run", "maintenance.yaml", "--cluster", "cluster.yaml", "--params", fifo],
            "--approvals" => ["run", "maintenance.yaml", "--cluster", "cluster.yaml", "--approvals", fifo],
            _ => ["run", fifo],
        };

        // On a thread of its own: a reader blocked in open(2) must fail the test, not hang it.
        var run = await Task.Run(() => workspace.Alu([.. args, "--state-dir", workspace.StateDir, "--set", $"bmcPassword={UnattendedWorkspace.Secret}"])).WaitAsync(NoHang);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("ALU1020").And.Contain("FIFO");
        workspace.RunFolders().Should().BeEmpty();
    }

    [Theory]
    [InlineData("runbook")]
    [InlineData("--cluster")]
    [InlineData("plan")]
    public async Task Dev_zero_given_as_an_input_is_refused_as_a_device(string option)
    {
        if (!SpecialFiles.Supported)
        {
            return;
        }

        using var workspace = new UnattendedWorkspace();
        File.CreateSymbolicLink(workspace.File("zero.json"), "/dev/zero"); // a saved plan is told by its .json name
        string[] args = option switch
        {
            "runbook" => ["plan", "/dev/zero", "--cluster", "cluster.yaml"],
            "--cluster" => ["plan", "maintenance.yaml", "--cluster", "/dev/zero"],
            _ => ["run", "zero.json", "--state-dir", workspace.StateDir],
        };

        var run = await Task.Run(() => workspace.Alu([.. args, "--set", $"bmcPassword={UnattendedWorkspace.Secret}"])).WaitAsync(NoHang);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("ALU1020").And.Contain("character device");
    }

    [Fact]
    public void Validate_refuses_a_300_MB_file_without_reading_it()
    {
        using var workspace = new UnattendedWorkspace();
        var huge = SpecialFiles.Sparse(workspace.File("huge.yaml"), 300L * 1024 * 1024);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new ValidateCommand(new CliConsole(output, error, workspace.Path));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var exit = command.Run([huge], OutputFormat.Text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        exit.Should().Be(2);
        error.ToString().Should().Contain("ALU1004");
        allocated.Should().BeLessThan(16L * 1024 * 1024, "the size is checked before a byte is read");
    }

    [Fact]
    public async Task A_deeply_nested_approval_file_is_refused_with_a_diagnostic_not_a_crash()
    {
        using var workspace = new UnattendedWorkspace();
        File.WriteAllText(workspace.File("deep.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: Approval\nx: " + new string('[', 200_000) + new string(']', 200_000) + "\n");

        using var process = AluProcess.Start(workspace.Path, "run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", workspace.StateDir,
            "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--approvals", "deep.yaml");
        var run = await process.WaitAsync(TimeSpan.FromMinutes(2));

        run.ExitCode.Should().Be(2, run.ToString().Length > 4000 ? run.ToString()[..4000] : run.ToString());
        run.StandardError.Should().Contain("ALU6006").And.Contain("ALU1005");
    }

    [Fact]
    public async Task A_deeply_nested_saved_plan_is_refused_at_its_position_with_ALU1005()
    {
        using var workspace = new UnattendedWorkspace();
        File.WriteAllText(workspace.File("deep.json"), "{\"kind\": \"Plan\", \"x\": " + new string('[', 5_000) + new string(']', 5_000) + "}");

        var run = await workspace.Alu("run", "deep.json", "--state-dir", workspace.StateDir);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("deep.json:1:").And.Contain("ALU1005");
    }

    private static string WriteImporter(UnattendedWorkspace workspace)
    {
        var text = File.ReadAllText(workspace.File("maintenance.yaml"));
        var path = workspace.File("importer.yaml");
        File.WriteAllText(path, text.Replace("steps:\n  - id: nodes-up", "imports:\n  - { as: extra, fragment: ./fifo.yaml }\nsteps:\n  - id: nodes-up", StringComparison.Ordinal));
        File.ReadAllText(path).Should().Contain("fifo.yaml");
        return path;
    }
}
