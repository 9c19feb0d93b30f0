namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>The <c>type</c> of each journal line. Readers must ignore types they do not know (forward compatibility).</summary>
public static class JournalRecordTypes
{
    public const string RunStarted = "run-started";
    public const string RunResumed = "run-resumed";
    public const string LockTakeover = "lock-takeover";
    public const string ClusterState = "cluster-state";
    public const string Decision = "decision";
    public const string StepStarted = "step-started";
    public const string StepAttempt = "step-attempt";

    /// <summary>A step's baseline script was read before its first attempt: the value later attempts and resumes see.</summary>
    public const string StepBaseline = "step-baseline";
    public const string StepFinished = "step-finished";
    public const string StepSkipped = "step-skipped";
    public const string StepInterrupted = "step-interrupted";
    public const string CheckWarning = "check-warning";
    public const string GateWaiting = "gate-waiting";
    public const string GateApproved = "gate-approved";

    /// <summary>A gate's rehearse script ran after approval (simulated clusters only): outcome, duration, streams.</summary>
    public const string GateRehearsal = "gate-rehearsal";
    public const string HealthGate = "health-gate";
    public const string WindowCheck = "window-check";
    public const string GroupStopped = "group-stopped";
    public const string Change = "change";
    public const string Leftover = "leftover";
    public const string RunPaused = "run-paused";
    public const string RunFinished = "run-finished";

    /// <summary>Something about the journal itself: a damaged line skipped on resume, a torn last line cut off.</summary>
    public const string JournalWarning = "journal-warning";

    /// <summary>A step that was running under a claim another process took over: its outcome is unknown.</summary>
    public const string StepOutcomeUnknown = "step-outcome-unknown";
}
