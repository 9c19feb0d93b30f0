using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// A run store that cannot take records (a database store past its outage budget raises
/// <see cref="RunStoreOutageException"/>) stops the run: it is not the failure of the step whose record it refused,
/// and the steps in flight beside it are stopped, since nothing they do could be journaled. Any other exception a step
/// host throws is an engine bug recorded as that step's failure.
/// </summary>
public sealed class RunStoreOutageTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestGraph _graph = new TestGraph().PowerShell("drain").PowerShell("reboot", ["drain"]).PowerShell("report", needs: []);
    private readonly ExecutionFixture _fixture;

    public RunStoreOutageTests() => _fixture = new ExecutionFixture(_graph);

    [Fact]
    public async Task A_store_that_cannot_take_a_steps_finish_stops_the_run_without_recording_the_step_as_failed()
    {
        var run = () => _fixture.RunAsync(_graph.Build(), c => c with { Journal = new OutageOnce(c.Journal, IsFinishOf("drain")) });

        await run.Should().ThrowAsync<RunStoreOutageException>();
        _fixture.Journal.Should().NotContain(r => r.Type == JournalRecordTypes.StepFinished && r.StepId == "drain",
            "the outage says nothing about the step, which is decided on resume as any step in flight");
        _fixture.Host.StepCalls("reboot").Should().BeEmpty("a run whose store is out starts no new step");
    }

    [Fact]
    public async Task A_store_outage_stops_the_steps_in_flight_beside_the_refused_one()
    {
        var reportStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Host.DuringCall = async (call, ct) =>
        {
            if (call.StepId == "report")
            {
                // Runs until the run stops it (bounded, so a run that never does fails the test instead of hanging it).
                await using var registration = ct.Register(() => reportStopped.TrySetResult());
                await Task.WhenAny(reportStopped.Task, Task.Delay(Patience, CancellationToken.None));
            }
        };

        var run = () => _fixture.RunAsync(_graph.Build(), c => c with { Journal = new OutageOnce(c.Journal, IsFinishOf("drain")) });

        await run.Should().ThrowAsync<RunStoreOutageException>();
        (await Task.WhenAny(reportStopped.Task, Task.Delay(Patience))).Should().BeSameAs(reportStopped.Task,
            "the step still running when the store went out is stopped, not left running unjournaled");
    }

    [Fact]
    public async Task Any_other_exception_from_the_host_fails_only_that_step_and_the_journal_names_it()
    {
        _fixture.Host.DuringCall = (call, _) => call.StepId == "drain" ? throw new InvalidOperationException("the runspace broke") : Task.CompletedTask;

        var result = await _fixture.RunAsync(_graph.Build());

        const string Message = "internal error while running the step: InvalidOperationException: the runspace broke";
        result.Outcome.Should().Be(RunOutcome.Failed);
        result.Step("drain").Status.Should().Be(StepStatus.Failed);
        result.Step("drain").Message.Should().Be(Message);
        _fixture.Journal.Should().ContainSingle(r => r.Type == JournalRecordTypes.StepFinished && r.StepId == "drain")
            .Which.Should().Match<JournalRecord>(r => r.Outcome == "failed" && r.Message == Message);
    }

    public void Dispose() => _fixture.Dispose();

    private static Func<JournalRecord, bool> IsFinishOf(string stepId) =>
        r => r.Type == JournalRecordTypes.StepFinished && r.StepId == stepId;

    /// <summary>The run's journal, except that the first record <paramref name="refuse"/> picks meets a store outage.</summary>
    private sealed class OutageOnce(IRunJournal inner, Func<JournalRecord, bool> refuse) : IRunJournal
    {
        private int _refused;

        public long TornTailBytesDropped => inner.TornTailBytesDropped;

        public void Append(JournalRecord record)
        {
            if (refuse(record) && Interlocked.Exchange(ref _refused, 1) == 0)
            {
                throw new RunStoreOutageException("ALU7201: the run store database could not be reached (test)");
            }

            inner.Append(record);
        }

        public void Dispose() => inner.Dispose();
    }
}
