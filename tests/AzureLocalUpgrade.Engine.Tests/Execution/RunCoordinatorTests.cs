using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class RunCoordinatorTests : IDisposable
{
    private readonly TestGraph _graph = new TestGraph().PowerShell("before").Manual("secure-boot").PowerShell("after");
    private readonly ExecutionFixture _fixture;
    private readonly string _sources;
    private readonly ManualTimeProvider _wallClock = new();

    public RunCoordinatorTests()
    {
        _fixture = new ExecutionFixture(_graph);
        _sources = Path.Combine(_fixture.StateDirectory, "src");
        Directory.CreateDirectory(Path.Combine(_sources, "runbooks"));
        Directory.CreateDirectory(Path.Combine(_sources, "fragments"));
        File.WriteAllText(Path.Combine(_sources, "runbooks", "upgrade.yaml"), "kind: Runbook\n");
        File.WriteAllText(Path.Combine(_sources, "fragments", "keys.yaml"), "kind: Fragment\n");
        File.WriteAllText(Path.Combine(_sources, "cluster.yaml"), "name: hci01\n");
    }

    private string RunbookPath => Path.Combine(_sources, "runbooks", "upgrade.yaml");

    [Fact]
    public async Task A_run_pins_its_runbook_fragments_inventory_and_parameters()
    {
        var result = await Coordinator().StartAsync(Graph(), RunbookPath, new RunOptions(), CancellationToken.None);
        File.WriteAllText(RunbookPath, "kind: Runbook\n# edited during the run\n");

        var folder = RunFolder.Open(_fixture.StateDirectory, result.RunId);
        File.ReadAllText(folder.PinnedRunbookPath).Should().Be("kind: Runbook\n");
        File.Exists(Path.Combine(Path.GetDirectoryName(folder.PinnedRunbookPath)!, "..", "fragments", "keys.yaml")).Should().BeTrue();
        File.ReadAllText(folder.PinnedInventoryPath!).Should().Be("name: hci01\n");
        File.ReadAllText(folder.PinnedParametersPath).Should().Contain("\"token\": \"***\"").And.NotContain("s3cret");
        folder.ReadManifest().SecretParameters.Should().Equal("token");
    }

    [Fact]
    public async Task A_runbook_edited_after_compiling_is_refused()
    {
        var graph = Graph();
        File.WriteAllText(RunbookPath, "kind: Runbook\n# edited before the run\n");

        var start = () => Coordinator().StartAsync(graph, RunbookPath, new RunOptions(), CancellationToken.None);

        await start.Should().ThrowAsync<RunbookChangedException>();
        RunLock.Peek(_fixture.StateDirectory, "hci01").Should().BeNull("a run that never started must not keep the cluster");
    }

    [Fact]
    public async Task A_paused_run_keeps_the_cluster_and_resumes_with_an_approval()
    {
        var coordinator = Coordinator();
        var paused = await coordinator.StartAsync(Graph(), RunbookPath, new RunOptions(), CancellationToken.None);
        paused.ExitCode.Should().Be(3);

        var another = () => coordinator.StartAsync(Graph(), RunbookPath, new RunOptions(), CancellationToken.None);
        (await another.Should().ThrowAsync<LockHeldException>()).Which.Holder.RunId.Should().Be(paused.RunId);

        var resumed = await coordinator.ResumeAsync(paused.RunId, Graph(),
            new RunOptions { ApprovedGates = new HashSet<string> { "secure-boot" }, ApprovedBy = "alice" }, CancellationToken.None);

        resumed.Outcome.Should().Be(RunOutcome.Succeeded);
        _fixture.Host.StepCalls("before").Should().ContainSingle("finished steps stay done");
        RunLock.Peek(_fixture.StateDirectory, "hci01").Should().BeNull();
        var journal = RunJournalReader.ReadRecords(RunFolder.Open(_fixture.StateDirectory, paused.RunId).JournalPath);
        journal.Should().Contain(r => r.Type == "gate-approved" && r.StepId == "secure-boot" && r.By == "alice" && r.How == "flag");
    }

    [Fact]
    public async Task Status_lists_runs_and_shows_a_run_step_by_step()
    {
        var paused = await Coordinator().StartAsync(Graph(), RunbookPath, new RunOptions(), CancellationToken.None);

        var reader = new RunStatusReader(_fixture.StateDirectory, _wallClock);

        reader.ListRuns().Should().ContainSingle(r => r.RunId == paused.RunId && r.State == RunState.Paused && r.ExitCode == 3);
        reader.ReadRun(paused.RunId).Steps.Select(s => (s.StepId, s.Status)).Should().Equal(
            ("before", StepStatus.Succeeded), ("secure-boot", StepStatus.WaitingForApproval), ("after", StepStatus.Pending));
    }

    [Fact]
    public async Task A_resume_against_another_graph_is_refused()
    {
        var paused = await Coordinator().StartAsync(Graph(), RunbookPath, new RunOptions(), CancellationToken.None);
        var other = new TestGraph().PowerShell("something-else").Build();

        var resume = () => Coordinator().ResumeAsync(paused.RunId, other with { SourceHashes = Graph().SourceHashes }, new RunOptions(), CancellationToken.None);

        await resume.Should().ThrowAsync<GraphMismatchException>();
    }

    public void Dispose() => _fixture.Dispose();

    private RunCoordinator Coordinator() => new(new RunCoordinatorSettings(
        _fixture.StateDirectory,
        _fixture.Host,
        _fixture.Clock,
        _wallClock,
        UnattendedApprovalSource.Instance,
        _fixture,
        new RunLockOptions(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", 4242, _wallClock.Now, (_, _) => true)));

    private StepGraph Graph()
    {
        var built = _graph.Parameter("token", new SecretValue("s3cret")).Build(Path.Combine(_sources, "cluster.yaml"));
        return built with
        {
            SourceHashes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["upgrade.yaml"] = Hash(Path.Combine(_sources, "runbooks", "upgrade.yaml")),
                ["../fragments/keys.yaml"] = Hash(Path.Combine(_sources, "fragments", "keys.yaml")),
            },
        };
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(path))));
}
