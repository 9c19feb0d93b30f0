using AzureLocalUpgrade.Engine.Execution.Approvals;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// What a journal says about a run so far: the input of a resume. Finished and skipped steps stay done; failed steps
/// run again; steps that were started but never finished (a crash, a cancellation) are in <see cref="Interrupted"/>.
/// </summary>
public sealed record ResumeState
{
    public required string RunId { get; init; }

    public required JournalRunIdentity Identity { get; init; }

    public required IReadOnlyDictionary<string, StepStatus> Finished { get; init; }

    public required IReadOnlyDictionary<string, int> Attempts { get; init; }

    /// <summary>Started but not finished, in journal order.</summary>
    public required IReadOnlyList<string> Interrupted { get; init; }

    /// <summary>
    /// Interrupted steps that were running under a claim another process took over while its holder may still have
    /// been alive: they may even have finished after that. Only a person decides (--retry or --skip), even for a step
    /// that is safe to re-run, unless it only reads (a check or a wait without a change tag): that one runs again.
    /// </summary>
    public IReadOnlySet<string> OutcomeUnknown { get; init; } = new HashSet<string>();

    /// <summary>
    /// The first value each step's baseline script returned in this run (step-baseline records): a retried or resumed
    /// step compares with it instead of reading a new one, so "booted since the restart was first tried" stays true.
    /// </summary>
    public IReadOnlyDictionary<string, string> Baselines { get; init; } = new Dictionary<string, string>();

    /// <summary>Every step that ever started in this run (ownership: nodes the run touched are not "already unhealthy").</summary>
    public required IReadOnlySet<string> Started { get; init; }

    public required IReadOnlyDictionary<string, ApprovalRecord> Approvals { get; init; }

    public required IReadOnlyDictionary<string, ResumeDecision> Decisions { get; init; }

    public required IReadOnlyList<JournalChange> Changes { get; init; }

    /// <summary>A PowerShell step has started at some point of this run: a failing check is no longer a precondition failure.</summary>
    public required bool ChangeStarted { get; init; }

    /// <summary>Node states journalled when the run first started.</summary>
    public required IReadOnlyDictionary<string, string> InitialNodeStates { get; init; }

    /// <summary>The last run-finished record, or null when the process died without writing one.</summary>
    public JournalRecord? LastFinish { get; init; }

    /// <summary>Damaged journal lines that were skipped, each as <c>file:line: what</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
