namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>The scheduler contract (design.md, "Exit codes"). 2 and 4 are decided by the CLI before execution.</summary>
public static class RunExitCodes
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int Paused = 3;
    public const int LockHeld = 4;
    public const int PreconditionFailed = 5;
    public const int Cancelled = 130;

    public static int For(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => Succeeded,
        RunOutcome.Failed => Failed,
        RunOutcome.PreconditionFailed => PreconditionFailed,
        RunOutcome.Paused => Paused,
        RunOutcome.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
