namespace AzureLocalUpgrade.Cli.Tests.SavedPlans;

/// <summary>
/// <c>--detailed-exitcode</c> on <c>alu plan</c> and <c>alu show</c>, as Terraform's: 0 when the plan has nothing to do,
/// 2 when it has steps to run, and invalid input 1 (2 being taken); without the option the codes are unchanged.
/// </summary>
public sealed class DetailedExitCodeTests : IDisposable
{
    private const string Runbook = """
        apiVersion: azurelocal.upgrade/v1
        kind: Runbook
        metadata: { name: detailed, version: 1.0.0, upgrade: { from: 22H2, to: 23H2 }, method: custom }
        parameters:
          enabled: { type: bool, default: true }
        steps:
          - id: hello
            when: "{{ params.enabled }}"
            powershell: { on: orchestrator, script: Write-Output 'hello' }
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alu-detailed-exitcode-");

    public DetailedExitCodeTests() =>
        File.WriteAllText(Path.Combine(_folder.FullName, "runbook.yaml"), Runbook);

    [Theory]
    [InlineData("enabled=true", false, 0)]
    [InlineData("enabled=true", true, 2)]
    [InlineData("enabled=false", true, 0)]
    [InlineData("enabled=false", false, 0)]
    public async Task Plan_exits_by_whether_any_step_would_run(string setting, bool detailed, int expected)
    {
        var run = await Plan(["--set", setting, .. detailed ? new[] { "--detailed-exitcode" } : []]);

        run.ExitCode.Should().Be(expected, run.Error);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task Invalid_input_exits_1_with_the_option_and_2_without(bool detailed, int expected)
    {
        var run = await Plan(["--set", "enabled=maybe", .. detailed ? new[] { "--detailed-exitcode" } : []]);

        run.ExitCode.Should().Be(expected);
        run.Error.Should().Contain("ALU2301");
    }

    [Theory]
    [InlineData("enabled=true", 2)]
    [InlineData("enabled=false", 0)]
    public async Task Show_of_a_saved_plan_exits_by_whether_any_step_would_run(string setting, int expected)
    {
        (await Plan(["--set", setting, "--out", "plan.json"])).ExitCode.Should().Be(0);

        var show = await CliRun.Of(_folder.FullName, "show", "plan.json", "--detailed-exitcode");

        show.ExitCode.Should().Be(expected, show.Error);
    }

    [Fact]
    public async Task Plan_without_cluster_for_a_runbook_is_a_usage_error()
    {
        var run = await CliRun.Of(_folder.FullName, "plan", "runbook.yaml", "--detailed-exitcode");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("--cluster");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private Task<CliRun> Plan(string[] extra) =>
        CliRun.Of(_folder.FullName, ["plan", "runbook.yaml", "--cluster", Path.Combine(Harness.AluProcess.RepositoryRoot, "samples", "clusters", "four-node-22h2.yaml"), .. extra]);
}
