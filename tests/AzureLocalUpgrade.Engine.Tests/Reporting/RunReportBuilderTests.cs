using System.Xml.Linq;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Reporting;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Reporting;

/// <summary>Reports built from journals that the real executor wrote (scripted host, virtual clock).</summary>
public sealed class RunReportBuilderTests : IDisposable
{
    private const string Secret = "s3cret-Token-42";

    private readonly TestGraph _graph = new TestGraph()
        .Parameter("token", new SecretValue(Secret))
        .PowerShell("prepare", retry: new RetryPolicy(3, TimeSpan.FromSeconds(10), 1))
        .Check("vms-running", Severity.Warning, "2 VMs still running")
        .PowerShell("arc-extensions", skipIf: "$true")
        .SkippedAtCompileTime("legacy-agent", "when: params.legacy is false")
        .Manual("secure-boot")
        .PowerShell("finish");

    private readonly ExecutionFixture _fixture;
    private readonly ManualTimeProvider _wallClock = new();
    private readonly string _runbookPath;

    public RunReportBuilderTests()
    {
        _fixture = new ExecutionFixture(_graph);
        _runbookPath = Path.Combine(_fixture.StateDirectory, "src", "upgrade.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(_runbookPath)!);
        File.WriteAllText(_runbookPath, "kind: Runbook\n");
        _fixture.Host
            .Returns("prepare", ScriptedStepHost.Fail($"the API refused token {Secret}"), ScriptedStepHost.Ok())
            .Returns("vms-running", ScriptedStepHost.False)
            .GuardReturns("arc-extensions", ScriptedStepHost.True);
    }

    [Fact]
    public async Task A_paused_run_reports_the_gate_waiting_and_no_exit_code_other_than_paused()
    {
        var report = RunReportBuilder.Build(await StartAsync());

        report.Outcome.Should().Be("Paused");
        report.ExitCode.Should().Be(3);
        report.Steps.Single(s => s.Id == "secure-boot").Status.Should().Be("WaitingForApproval");
        report.Steps.Single(s => s.Id == "finish").Status.Should().Be("NotRun");
    }

    [Fact]
    public async Task Every_step_is_listed_in_graph_order_with_where_it_ran()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        report.Steps.Select(s => (s.Id, s.Target, s.Status)).Should().Equal(
            ("prepare", "orchestrator", "Succeeded"),
            ("vms-running", "orchestrator", "Succeeded"),
            ("arc-extensions", "orchestrator", "Skipped"),
            ("legacy-agent", "orchestrator", "Skipped"),
            ("secure-boot", "orchestrator", "Succeeded"),
            ("finish", "orchestrator", "Succeeded"));
    }

    [Fact]
    public async Task The_outcome_exit_code_and_identity_come_from_the_journal_and_manifest()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        (report.Outcome, report.ExitCode, report.RunbookName, report.RunbookVersion, report.ClusterName, report.Sessions)
            .Should().Be(("Succeeded", 0, "test-runbook", "1.0.0", "hci01", 2));
        report.FinishedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Retries_show_as_attempts_and_as_failed_attempts_with_their_reason()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        report.Steps.Single(s => s.Id == "prepare").Attempts.Should().Be(2);
        report.FailedAttempts.Should().ContainSingle().Which.Should().Match<AttemptReport>(a =>
            a.StepId == "prepare" && a.Attempt == 1 && a.Outcome == "failed" && a.Message!.Contains("the API refused token"));
    }

    [Fact]
    public async Task Skipped_steps_carry_their_reason()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        report.Steps.Single(s => s.Id == "arc-extensions").Message.Should().Be("skipIf guard returned true");
        report.Steps.Single(s => s.Id == "legacy-agent").Message.Should().Be("when: params.legacy is false");
    }

    [Fact]
    public async Task A_gate_approval_says_who_when_and_how()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        var approval = report.Approvals.Should().ContainSingle().Subject;
        (approval.GateId, approval.ApprovedBy, approval.How).Should().Be(("secure-boot", "alice", "flag"));
        approval.ApprovedAt.Should().BeOnOrAfter(report.StartedAt);
    }

    [Fact]
    public async Task A_warning_check_is_a_warning()
    {
        var report = RunReportBuilder.Build(await ApprovedRunAsync());

        report.Warnings.Should().ContainSingle().Which.Should().Be("vms-running: 2 VMs still running");
    }

    [Fact]
    public async Task The_final_builds_are_the_callers()
    {
        var builds = new Dictionary<string, string> { ["hci01-n1"] = "25398.1611" };

        var report = RunReportBuilder.Build(await ApprovedRunAsync(), builds);

        report.FinalBuilds.Should().Equal(builds);
    }

    [Fact]
    public async Task Published_reports_are_written_into_the_run_folder_without_any_secret()
    {
        var folder = await ApprovedRunAsync();

        var files = RunReportPublisher.Write(folder, RunReportBuilder.Build(folder));

        files.Should().Be(new RunReportFiles(Path.Combine(folder.Path, "report.md"), Path.Combine(folder.Path, "report.junit.xml")));
        var markdown = File.ReadAllText(files.MarkdownPath);
        var junit = File.ReadAllText(files.JUnitPath);
        markdown.Should().Contain("the API refused token ***", "the failed attempt is reported, redacted");
        markdown.Should().NotContain(Secret);
        junit.Should().NotContain(Secret);
    }

    [Fact]
    public async Task The_published_markdown_lists_steps_retries_and_approvals()
    {
        var folder = await ApprovedRunAsync();

        var markdown = File.ReadAllText(RunReportPublisher.Write(folder, RunReportBuilder.Build(folder)).MarkdownPath);

        markdown.Should().StartWith("# Run ").And.Contain(": Succeeded");
        markdown.Should().Contain("| `prepare` | orchestrator | Succeeded |").And.Contain("| 2 |");
        markdown.Should().Contain("`prepare` attempt 1: failed");
        markdown.Should().Contain("`secure-boot` approved by alice");
        markdown.Should().Contain("| sessions | 2 (resumed 1 time(s)) |");
    }

    [Fact]
    public async Task The_published_junit_counts_skipped_steps_and_parses()
    {
        var folder = await ApprovedRunAsync();

        var xml = XDocument.Load(RunReportPublisher.Write(folder, RunReportBuilder.Build(folder)).JUnitPath);

        var suite = xml.Root!.Element("testsuite")!;
        (suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value, suite.Attribute("skipped")!.Value).Should().Be(("6", "0", "2"));
    }

    [Fact]
    public async Task A_failed_step_is_a_junit_failure_and_the_run_exit_code_is_one()
    {
        _fixture.Host.Returns("finish", ScriptedStepHost.Fail("disk full"));
        var folder = await ApprovedRunAsync();

        var report = RunReportBuilder.Build(folder);
        var suite = XDocument.Parse(JUnitReportWriter.Write(report)).Root!.Element("testsuite")!;

        report.ExitCode.Should().Be(1);
        report.Steps.Single(s => s.Id == "finish").Should().Match<StepReport>(s => s.Status == "Failed" && s.Message!.Contains("disk full"));
        suite.Attribute("failures")!.Value.Should().Be("1");
    }

    [Fact]
    public void A_journal_without_a_run_started_record_is_refused()
    {
        var build = () => RunReportBuilder.Build([]);

        build.Should().Throw<InvalidDataException>();
    }

    public void Dispose() => _fixture.Dispose();

    private async Task<RunFolder> StartAsync()
    {
        var paused = await Coordinator().StartAsync(Graph(), _runbookPath, new RunOptions(), CancellationToken.None);
        return RunFolder.Open(_fixture.StateDirectory, paused.RunId);
    }

    private async Task<RunFolder> ApprovedRunAsync()
    {
        var folder = await StartAsync();
        await Coordinator().ResumeAsync(folder.RunId, Graph(),
            new RunOptions { ApprovedGates = new HashSet<string> { "secure-boot" }, ApprovedBy = "alice" }, CancellationToken.None);
        return folder;
    }

    // The pinned copy is checked against the graph's source hashes; this graph has only the runbook, unhashed.
    private StepGraph Graph() => _graph.Build() with { SourceHashes = new Dictionary<string, string>(StringComparer.Ordinal) };

    private RunCoordinator Coordinator() => new(new RunCoordinatorSettings(
        _fixture.StateDirectory,
        _fixture.Host,
        _fixture.Clock,
        _wallClock,
        UnattendedApprovalSource.Instance,
        _fixture,
        new RunLockOptions(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", 4242, _wallClock.Now, (_, _) => true)));
}
