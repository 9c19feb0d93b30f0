using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Approvals;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>Reads a journal back: the records themselves (for status) and the <see cref="ResumeState"/> they add up to.</summary>
public static class RunJournalReader
{
    /// <summary>
    /// Every readable record. A last line cut short by a crash is ignored quietly (it was never acknowledged); a
    /// damaged line anywhere else is skipped with a <c>file:line</c> warning, so one bad line never hides a whole
    /// run. What it could have said is then treated as unknown: a step whose finish is lost counts as interrupted.
    /// </summary>
    /// <exception cref="InvalidDataException">A record of a newer journal format than this alu understands.</exception>
    public static JournalRead Read(string journalPath) => Parse(File.ReadAllLines(journalPath), journalPath);

    /// <summary>
    /// The same for the lines of a journal read from any store, one record per line, in order.
    /// <paramref name="journalPath"/> names the journal in warnings (<c>journalPath:line</c>).
    /// </summary>
    public static JournalRead Parse(IReadOnlyList<string> lines, string journalPath)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var records = new List<JournalRecord>(lines.Count);
        var warnings = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<JournalRecord>(lines[i], JournalJson.Options);
            }
            catch (JsonException error)
            {
                if (!IsLastContentLine(lines, i))
                {
                    warnings.Add($"{journalPath}:{i + 1}: damaged journal line skipped ({error.Message})");
                }

                continue;
            }

            if (record is null)
            {
                warnings.Add($"{journalPath}:{i + 1}: damaged journal line skipped (null record)");
                continue;
            }

            if (!record.IsKnownVersion)
            {
                throw new InvalidDataException(
                    $"{journalPath}:{i + 1}: journal format version {record.FormatVersion} is newer than this alu understands ({JournalRecord.CurrentFormatVersion}); use a newer alu.");
            }

            records.Add(record);
        }

        return new JournalRead(records, warnings);
    }

    /// <summary>The records of <see cref="Read"/>, without its warnings.</summary>
    public static IReadOnlyList<JournalRecord> ReadRecords(string journalPath) => Read(journalPath).Records;

    public static ResumeState ReadResumeState(string journalPath) => ResumeStateOf(Read(journalPath), journalPath);

    /// <summary>The <see cref="ResumeState"/> a journal read from any store adds up to.</summary>
    /// <param name="journalPath">Names the journal in messages (its file, or the store and run).</param>
    public static ResumeState ResumeStateOf(JournalRead read, string journalPath)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (records, warnings) = read;
        var started = records.FirstOrDefault(r => r.Type == JournalRecordTypes.RunStarted)
            ?? throw new InvalidDataException($"{journalPath}: no run-started record; this is not a run journal.");

        var finished = new Dictionary<string, StepStatus>(StringComparer.Ordinal);
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new List<string>();
        var everStarted = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var baselines = new Dictionary<string, string>(StringComparer.Ordinal);
        var approvals = new Dictionary<string, ApprovalRecord>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, ResumeDecision>(StringComparer.Ordinal);
        var changes = new List<JournalChange>();
        var changeStarted = false;
        IReadOnlyDictionary<string, string>? initialNodes = null;
        JournalRecord? lastFinish = null;

        foreach (var record in records)
        {
            var stepId = record.StepId;
            switch (record.Type)
            {
                case JournalRecordTypes.StepStarted when stepId is not null:
                    finished.Remove(stepId);
                    unknown.Remove(stepId);
                    open.Remove(stepId);
                    open.Add(stepId);
                    everStarted.Add(stepId);
                    changeStarted |= record.Kind == StepKindNames.PowerShell;
                    break;
                case JournalRecordTypes.StepFinished when stepId is not null:
                    open.Remove(stepId);
                    finished[stepId] = ParseStatus(record.Outcome);
                    attempts[stepId] = record.Attempts ?? 0;
                    break;
                case JournalRecordTypes.StepBaseline when stepId is not null && record.Baseline is not null:
                    baselines.TryAdd(stepId, record.Baseline); // the first one: before the step's work ever started
                    break;
                case JournalRecordTypes.StepOutcomeUnknown when stepId is not null && open.Contains(stepId):
                    unknown.Add(stepId);
                    break;
                case JournalRecordTypes.StepSkipped when stepId is not null:
                    open.Remove(stepId);
                    finished[stepId] = StepStatus.Skipped;
                    break;
                case JournalRecordTypes.GateRehearsal:
                    changeStarted = true; // a rehearsal plays a person's change on the (simulated) cluster
                    break;
                case JournalRecordTypes.GateApproved when stepId is not null:
                    approvals[stepId] = new ApprovalRecord(stepId, record.By ?? "unknown", record.Time, record.How ?? "unknown");
                    break;
                case JournalRecordTypes.Decision when stepId is not null && Enum.TryParse<ResumeDecision>(record.Decision, ignoreCase: true, out var decision):
                    decisions[stepId] = decision;
                    break;
                case JournalRecordTypes.Change when record.Change is not null:
                    changes.Add(record.Change);
                    break;
                case JournalRecordTypes.ClusterState when record.Nodes is not null:
                    initialNodes ??= record.Nodes;
                    break;
                case JournalRecordTypes.RunFinished:
                    lastFinish = record;
                    break;
                case JournalRecordTypes.RunResumed:
                    lastFinish = null;
                    break;
            }
        }

        return new ResumeState
        {
            RunId = started.RunId ?? throw new InvalidDataException($"{journalPath}: run-started has no run id."),
            Identity = started.Run ?? throw new InvalidDataException($"{journalPath}: run-started has no run identity."),
            Finished = finished,
            Attempts = attempts,
            Interrupted = open,
            OutcomeUnknown = unknown,
            Baselines = baselines,
            Started = everStarted,
            Approvals = approvals,
            Decisions = decisions,
            Changes = changes,
            ChangeStarted = changeStarted,
            InitialNodeStates = initialNodes ?? new Dictionary<string, string>(),
            LastFinish = lastFinish,
            Warnings = warnings,
        };
    }

    private static StepStatus ParseStatus(string? outcome) => outcome switch
    {
        "succeeded" => StepStatus.Succeeded,
        "skipped" => StepStatus.Skipped,
        "pending" => StepStatus.Pending, // a CAU run the window's end stopped: it runs again in the next opening
        _ => StepStatus.Failed,
    };

    private static bool IsLastContentLine(IReadOnlyList<string> lines, int index) =>
        lines.Skip(index + 1).All(string.IsNullOrWhiteSpace);
}
