namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// A known secret goes in through --set; the runbook's step even prints it in plain text. It must appear in no
/// output channel: stdout and stderr in every log format, plans in every format, status, reports, and every file
/// the run leaves in the state folder (journal, manifest, pinned parameters, simulation state).
/// </summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task The_secret_appears_in_no_output_of_a_run_in_text_format() =>
        await AssertNoLeak("text");

    [Fact]
    public async Task The_secret_appears_in_no_output_of_a_run_in_json_format() =>
        await AssertNoLeak("json");

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("mermaid")]
    [InlineData("dot")]
    public async Task The_secret_appears_in_no_plan_format(string format)
    {
        using var workspace = new UnattendedWorkspace();

        var plan = await workspace.Alu("plan", "maintenance.yaml", "--cluster", "cluster.yaml", "--set", $"bmcPassword={UnattendedWorkspace.Secret}", "--format", format);

        plan.ExitCode.Should().Be(0, plan.Error);
        (plan.Out + plan.Error).Should().NotContain(UnattendedWorkspace.Secret);
    }

    private static async Task AssertNoLeak(string logFormat)
    {
        using var workspace = new UnattendedWorkspace();
        var run = await workspace.RunRunbook("--approve", "change-approved", "--log-format", logFormat);
        run.ExitCode.Should().Be(0, run.Error);
        var runId = await workspace.SingleRunId();
        var status = await workspace.Alu("status", runId, "--state-dir", workspace.StateDir, "--format", "json");
        var report = await workspace.Alu("report", runId, "--state-dir", workspace.StateDir, "--out", "reports");

        var outputs = new[] { run.Out, run.Error, status.Out, status.Error, report.Out, report.Error }
            .Concat(Directory.GetFiles(workspace.StateDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
            .Concat(Directory.GetFiles(workspace.File("reports")).Select(File.ReadAllText));

        outputs.Should().NotContain(text => text.Contains(UnattendedWorkspace.Secret, StringComparison.Ordinal));
        run.Out.Should().Contain("use-secret", "the step that handles the secret ran and is reported");
    }
}
