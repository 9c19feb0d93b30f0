using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary><c>alu status</c>: every run in a state folder (or another run store) with its state, and one run's step table. Reads only.</summary>
public sealed class RunStatusReader(IRunStore store, TimeProvider? wallClock = null)
{
    private readonly List<string> _warnings = [];

    public RunStatusReader(string stateDirectory, TimeProvider? wallClock = null)
        : this(new FileRunStore(stateDirectory), wallClock)
    {
    }

    /// <summary>Damaged journal lines skipped and journals that could not be read, each naming its file (and line).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Every run with a readable start; a journal that cannot be read is a warning, never the end of the list.</summary>
    public IReadOnlyList<RunSummary> ListRuns() => ListRuns(_ => true);

    /// <summary>
    /// The runs of one cluster: only journals whose run id names that cluster are read (<see cref="RunId.MayBelongTo"/>),
    /// so a store shared by a fleet's clusters is not parsed whole for each of them; the cluster recorded in the journal
    /// still decides.
    /// </summary>
    public IReadOnlyList<RunSummary> ListRuns(string cluster) =>
        [.. ListRuns(id => RunId.MayBelongTo(id, cluster)).Where(r => r.Cluster == cluster)];

    private List<RunSummary> ListRuns(Func<string, bool> include)
    {
        var runs = new List<RunSummary>();
        foreach (var id in store.Journals.List().Where(include))
        {
            try
            {
                if (Summarise(id, ReadRecords(id)) is { } summary)
                {
                    runs.Add(summary);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _warnings.Add($"run {id} left out: {error.Message}");
            }
        }

        return runs;
    }

    public RunDetail ReadRun(string runId)
    {
        var records = ReadRecords(runId);
        var summary = Summarise(runId, records) ?? throw new InvalidDataException($"Run {runId} has no run-started record.");
        var rows = new Dictionary<string, RunStepRow>(StringComparer.Ordinal);
        foreach (var id in records.First(r => r.Type == JournalRecordTypes.RunStarted).Run?.StepIds ?? [])
        {
            rows[id] = new RunStepRow(id, null, StepStatus.Pending, 0, null, null);
        }

        var leftovers = new List<string>();
        foreach (var record in records)
        {
            var id = record.StepId;
            if (record.Type == JournalRecordTypes.RunResumed)
            {
                leftovers.Clear();
            }

            if (record.Type == JournalRecordTypes.Leftover && record.Message is not null)
            {
                leftovers.Add(record.Message);
            }

            if (id is null)
            {
                continue;
            }

            var row = rows.GetValueOrDefault(id) ?? new RunStepRow(id, record.Target, StepStatus.Pending, 0, null, null);
            rows[id] = record.Type switch
            {
                JournalRecordTypes.StepStarted => row with { Target = record.Target, Status = StepStatus.Running, Message = null },
                JournalRecordTypes.StepFinished => row with
                {
                    Status = record.Outcome == "succeeded" ? StepStatus.Succeeded : StepStatus.Failed,
                    Attempts = record.Attempts ?? row.Attempts,
                    Duration = record.Duration,
                    Message = record.Message,
                },
                JournalRecordTypes.StepSkipped => row with { Target = record.Target ?? row.Target, Status = StepStatus.Skipped, Message = record.Reason },
                JournalRecordTypes.StepInterrupted => row with { Status = StepStatus.Interrupted, Message = record.Message },
                JournalRecordTypes.GateWaiting => row with { Status = StepStatus.WaitingForApproval },
                _ => row,
            };
        }

        return new RunDetail(summary, GroupRowStatus.Complete(rows.Values.ToList(), summary.State), leftovers);
    }

    private IReadOnlyList<JournalRecord> ReadRecords(string runId)
    {
        var read = store.Journals.Read(runId);
        _warnings.AddRange(read.Warnings);
        return read.Records;
    }

    private RunSummary? Summarise(string runId, IReadOnlyList<JournalRecord> records)
    {
        var started = records.FirstOrDefault(r => r.Type == JournalRecordTypes.RunStarted);
        if (started?.Run is not { } run)
        {
            return null;
        }

        var last = records[^1];
        var finish = records.LastOrDefault(r => r.Type is JournalRecordTypes.RunFinished or JournalRecordTypes.RunResumed);
        RunState state;
        int? exitCode = null;
        string? detail;
        if (finish is { Type: JournalRecordTypes.RunFinished })
        {
            exitCode = finish.ExitCode;
            detail = finish.Message;
            state = finish.ExitCode switch
            {
                RunExitCodes.Succeeded => RunState.Succeeded,
                RunExitCodes.Paused or RunExitCodes.Cancelled => RunState.Paused,
                RunExitCodes.PreconditionFailed => RunState.PreconditionFailed,
                _ => RunState.Failed,
            };
        }
        else
        {
            // No finish record: either the process is still at it (it holds the lock) or it died.
            var holder = store.Claims.Peek(run.Cluster);
            // A holder on this host whose process is gone is dead at once (SIGKILL leaves its lease running).
            var alive = holder is not null && holder.RunId == runId && holder.Status == LockHolder.Running
                && holder.LeaseExpiresAt > (wallClock ?? TimeProvider.System).GetUtcNow()
                && (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
                    || ProcessLiveness.IsAlive(holder.ProcessId, holder.ProcessStartTime));
            state = alive ? RunState.Running : RunState.Interrupted;
            detail = alive ? $"last: {last.Type} {last.StepId}".TrimEnd() : $"the process stopped without finishing; continue with: alu resume {runId}";
        }

        return new RunSummary(runId, run.Cluster, $"{run.RunbookName} {run.RunbookVersion}", started.Time, last.Time, state, exitCode, detail);
    }
}
