using System.Text.Json.Serialization;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// One line of <c>journal.jsonl</c>. A single flat shape (unused fields are omitted) keeps the file greppable and
/// lets old readers skip fields they do not know. Messages are already redacted when a record is built.
/// </summary>
public sealed record JournalRecord
{
    /// <summary>Bumped when a field changes meaning; readers refuse versions newer than they know.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string Type { get; init; }

    /// <summary>Execution-clock time (virtual in simulation).</summary>
    public DateTimeOffset Time { get; init; }

    public string? RunId { get; init; }

    public string? StepId { get; init; }

    public string? Kind { get; init; }

    public string? Target { get; init; }

    public int? Attempt { get; init; }

    public int? Attempts { get; init; }

    /// <summary>succeeded | failed | skipped | timed-out | unreachable | cancelled | paused | ...</summary>
    public string? Outcome { get; init; }

    public TimeSpan? Duration { get; init; }

    public string? Message { get; init; }

    public string? Reason { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Who approved a gate or made a decision.</summary>
    public string? By { get; init; }

    /// <summary>How: interactive | pre-approved | flag | file.</summary>
    public string? How { get; init; }

    /// <summary>For decisions: retry | skip.</summary>
    public string? Decision { get; init; }

    /// <summary>Counts of stream records by stream name (error, warning, ...): a summary, never the content.</summary>
    public IReadOnlyDictionary<string, int>? Streams { get; init; }

    /// <summary>For step-baseline: what the step's baseline script returned, as text (redacted like messages).</summary>
    public string? Baseline { get; init; }

    public JournalRunIdentity? Run { get; init; }

    /// <summary>Node name to cluster state (Up, Down, Paused...).</summary>
    public IReadOnlyDictionary<string, string>? Nodes { get; init; }

    public JournalChange? Change { get; init; }

    /// <summary>The previous holder of a lock that was taken over (lock-takeover audit).</summary>
    public JournalLockHolder? PreviousHolder { get; init; }

    [JsonIgnore]
    public bool IsKnownVersion => FormatVersion <= CurrentFormatVersion;
}
