using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Tests.Events;

/// <summary>One event of every kind, shaped the way the executor publishes it (see StepRunner and ExecutionRun).</summary>
internal static class SampleEvents
{
    public const string RunId = "20261123-021500-hci01-a1b2";

    public static readonly DateTimeOffset At = new(2026, 11, 23, 2, 15, 0, TimeSpan.FromHours(1));

    public static IReadOnlyList<RunEvent> OfEveryKind() =>
    [
        new(RunEventKind.RunStarted, At, RunId, Message: "starting os-upgrade 1.0.0 on cluster hci01"),
        new(RunEventKind.StepStarted, At, RunId, "rolling[hci01-n1]/drain", "node hci01-n1", StepStatus.Running),
        new(RunEventKind.StepAttemptFailed, At, RunId, "rolling[hci01-n1]/drain", "node hci01-n1", StepStatus.Running, Attempt: 1, Message: "failed: drain timed out"),
        new(RunEventKind.StepFinished, At, RunId, "rolling[hci01-n1]/drain", "node hci01-n1", StepStatus.Succeeded, 2, TimeSpan.FromSeconds(83.4567)),
        new(RunEventKind.StepSkipped, At, RunId, "arc-extensions", "orchestrator", StepStatus.Skipped, Message: "skipIf guard returned true"),
        new(RunEventKind.GateWaiting, At, RunId, "secure-boot", Message: "waiting for approval of gate secure-boot; approve with: alu resume 20261123-021500-hci01-a1b2 --approve secure-boot"),
        new(RunEventKind.GateApproved, At, RunId, "secure-boot", Message: "approved by alice (flag)"),
        new(RunEventKind.HealthGateWaiting, At, RunId, "rolling[hci01-n2]", "node hci01-n2", Message: "waiting for 2 storage job(s)"),
        new(RunEventKind.Warning, At, RunId, "vms-running", "orchestrator", Message: "2 VMs still running"),
        new(RunEventKind.GroupStopped, At, RunId, "rolling", Message: "group rolling stopped starting node instances"),
        new(RunEventKind.LeftoverChange, At, RunId, "rolling[hci01-n2]/pause", "hci01-n2", Message: "node hci01-n2 left Paused"),
        new(RunEventKind.RunFinished, At, RunId, Message: "the run failed at rolling[hci01-n2]/update", ExitCode: 1),
        new(RunEventKind.NothingToDo, At, RunId, Message: "Run 20261123-021500-hci01-a1b2 already applied this; nothing to do.", ExitCode: 0),
    ];

    public static RunEvent Of(RunEventKind kind) => OfEveryKind().Single(e => e.Kind == kind);
}
