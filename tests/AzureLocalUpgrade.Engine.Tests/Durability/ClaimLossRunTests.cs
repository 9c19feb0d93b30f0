using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// Split brain after a stalled holder: process A is stopped past its lease in the middle of a step, process B resumes
/// the run. A, when it wakes, starts no new step and writes nothing; B asks a person about the step A had in flight.
/// </summary>
public sealed class ClaimLossRunTests : IDisposable
{
    private readonly TestGraph _graph = new TestGraph().PowerShell("drain", idempotent: true).PowerShell("reboot", ["drain"]);
    private readonly ExecutionFixture _fixture;
    private readonly ManualTimeProvider _wallClock = new();
    private readonly string _runbook;

    public ClaimLossRunTests()
    {
        _fixture = new ExecutionFixture(_graph);
        _runbook = Path.Combine(_fixture.StateDirectory, "src", "upgrade.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(_runbook)!);
        File.WriteAllText(_runbook, "kind: Runbook\n");
    }

    [Fact]
    public async Task A_holder_that_lost_its_claim_mid_step_starts_no_new_step_and_the_new_holder_asks_a_person()
    {
        RunResult? takeover = null;
        _fixture.Host.DuringCall = async (call, _) =>
        {
            if (call.StepId == "drain" && takeover is null)
            {
                // A is stopped (SIGSTOP) past its lease; B resumes the run meanwhile.
                _wallClock.Now += TimeSpan.FromMinutes(3);
                var runId = RunFolder.List(_fixture.StateDirectory).Single();
                takeover = await Coordinator(pid: 200).ResumeAsync(runId, Graph(), new RunOptions(), CancellationToken.None);
            }
        };

        var stalled = () => Coordinator(pid: 100).StartAsync(Graph(), _runbook, new RunOptions(), CancellationToken.None);

        await stalled.Should().ThrowAsync<ClaimLostException>();
        _fixture.Host.StepCalls("reboot").Should().BeEmpty("a process that lost its claim starts no new step");
        takeover!.Outcome.Should().Be(RunOutcome.Paused);
        takeover.PauseReason.Should().Be(PauseReason.Decision);
        takeover.WaitingFor.Should().Equal("drain");
        takeover.Summary.Should().Contain("outcome is unknown").And.Contain("--retry drain").And.Contain("--skip drain");

        var journal = RunJournalReader.Read(JournalPath());
        journal.Warnings.Should().BeEmpty();
        journal.Records.Should().NotContain(r => r.Type == JournalRecordTypes.StepFinished && r.StepId == "drain", "the stale holder's finish is refused");
        journal.Records.Should().Contain(r => r.Type == JournalRecordTypes.StepOutcomeUnknown && r.StepId == "drain" && r.Reason!.Contains("lost claim"));
        journal.Records.Should().Contain(r => r.Type == JournalRecordTypes.LockTakeover && r.Reason!.Contains("lease expired"));
    }

    [Fact]
    public async Task After_the_person_decides_to_skip_the_run_finishes_and_no_step_ran_twice()
    {
        _fixture.Host.DuringCall = async (call, _) =>
        {
            if (call.StepId == "drain" && _fixture.Host.StepCalls("drain").Count() == 1)
            {
                _wallClock.Now += TimeSpan.FromMinutes(3);
                await Coordinator(pid: 200).ResumeAsync(RunFolder.List(_fixture.StateDirectory).Single(), Graph(), new RunOptions(), CancellationToken.None);
            }
        };
        var stalled = () => Coordinator(pid: 100).StartAsync(Graph(), _runbook, new RunOptions(), CancellationToken.None);
        await stalled.Should().ThrowAsync<ClaimLostException>();

        var decided = await Coordinator(pid: 300).ResumeAsync(RunFolder.List(_fixture.StateDirectory).Single(), Graph(),
            new RunOptions { SkipSteps = new HashSet<string> { "drain" } }, CancellationToken.None);

        decided.Outcome.Should().Be(RunOutcome.Succeeded);
        _fixture.Host.StepCalls("drain").Should().ContainSingle();
        _fixture.Host.StepCalls("reboot").Should().ContainSingle();
        RunLock.Peek(_fixture.StateDirectory, "hci01").Should().BeNull();
    }

    public void Dispose() => _fixture.Dispose();

    private string JournalPath() => RunFolder.Open(_fixture.StateDirectory, RunFolder.List(_fixture.StateDirectory).Single()).JournalPath;

    private RunCoordinator Coordinator(int pid) => new(new RunCoordinatorSettings(
        _fixture.StateDirectory,
        _fixture.Host,
        _fixture.Clock,
        _wallClock,
        UnattendedApprovalSource.Instance,
        _fixture,
        Options(pid, alive: true)));

    private RunLockOptions Options(int pid, bool alive) =>
        new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", pid, _wallClock.Now, (_, _) => alive);

    private StepGraph Graph() => _graph.Build() with
    {
        SourceHashes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["upgrade.yaml"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(_runbook)))),
        },
    };
}
