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
/// After a takeover, the step the stalled holder had in flight may still be running there or have finished. A step
/// that changes something waits for a person's --retry or --skip; a check or a wait only reads the cluster, so the new
/// holder runs it again by itself and goes on.
/// </summary>
public sealed class TakeoverDecisionTests : IDisposable
{
    private readonly ManualTimeProvider _wallClock = new();
    private ExecutionFixture? _fixture;

    public static TheoryData<string, bool> InFlightSteps() => new()
    {
        { "check", false },
        { "wait", false },
        { "idempotent-script", true },
        { "guarded-script", true },
    };

    [Theory]
    [MemberData(nameof(InFlightSteps))]
    public async Task The_new_holder_asks_a_person_only_about_an_in_flight_step_that_changes_something(string kind, bool asks)
    {
        var graph = kind switch
        {
            "check" => new TestGraph().Check("probe").PowerShell("reboot", ["probe"]),
            "wait" => new TestGraph().Wait("probe", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)).PowerShell("reboot", ["probe"]),
            "idempotent-script" => new TestGraph().PowerShell("probe", idempotent: true).PowerShell("reboot", ["probe"]),
            _ => new TestGraph().PowerShell("probe", skipIf: "$false").PowerShell("reboot", ["probe"]),
        };
        _fixture = new ExecutionFixture(graph);
        var runbook = Path.Combine(_fixture.StateDirectory, "src", "upgrade.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(runbook)!);
        File.WriteAllText(runbook, "kind: Runbook\n");

        RunResult? takeover = null;
        var stopped = false;
        _fixture.Host.DuringCall = async (call, _) =>
        {
            if (call.StepId == "probe" && !stopped)
            {
                stopped = true;
                // The holder is stopped past its lease in the middle of the probe; another process resumes the run.
                _wallClock.Now += TimeSpan.FromMinutes(3);
                takeover = await Coordinator(pid: 200).ResumeAsync(RunFolder.List(_fixture.StateDirectory).Single(), Graph(graph, runbook), new RunOptions(), CancellationToken.None);
            }
        };
        var stalled = () => Coordinator(pid: 100).StartAsync(Graph(graph, runbook), runbook, new RunOptions(), CancellationToken.None);

        await stalled.Should().ThrowAsync<ClaimLostException>();

        if (asks)
        {
            takeover!.Outcome.Should().Be(RunOutcome.Paused);
            takeover.WaitingFor.Should().Equal("probe");
            _fixture.Host.StepCalls("reboot").Should().BeEmpty();
        }
        else
        {
            takeover!.Outcome.Should().Be(RunOutcome.Succeeded, takeover.Summary);
            _fixture.Host.StepCalls("probe").Should().HaveCount(2, "the new holder reads again what the stalled one was reading");
            _fixture.Host.StepCalls("reboot").Should().ContainSingle();
        }
    }

    public void Dispose() => _fixture?.Dispose();

    private RunCoordinator Coordinator(int pid) => new(new RunCoordinatorSettings(
        _fixture!.StateDirectory,
        _fixture.Host,
        _fixture.Clock,
        _wallClock,
        UnattendedApprovalSource.Instance,
        _fixture,
        new RunLockOptions(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", pid, _wallClock.Now, (_, _) => true)));

    private static StepGraph Graph(TestGraph graph, string runbook) => graph.Build() with
    {
        SourceHashes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["upgrade.yaml"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(runbook)))),
        },
    };
}
