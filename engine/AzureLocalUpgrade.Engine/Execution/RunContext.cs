using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>Everything one execution session needs besides the graph. <see cref="RunCoordinator"/> builds it for the CLI.</summary>
public sealed record RunContext
{
    public required string RunId { get; init; }

    public required IStepHost Host { get; init; }

    /// <summary>All waiting (retry delays, polls, health gates) goes through it: virtual time against the simulator.</summary>
    public ExecutionClock Clock { get; init; } = ExecutionClock.System;

    public required Storage.IRunJournal Journal { get; init; }

    public IApprovalSource Approvals { get; init; } = UnattendedApprovalSource.Instance;

    public IRunEventSink Events { get; init; } = DiscardingRunEventSink.Instance;

    /// <summary>Gate ids approved ahead of time (<c>--approve GATE</c>), journalled as approved by <see cref="ApprovedBy"/>.</summary>
    public IReadOnlySet<string> PreApprovedGates { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public string ApprovedBy { get; init; } = Environment.UserName;

    /// <summary>How the pre-approvals arrived, for the journal (flag, file, ticket).</summary>
    public string PreApprovalMethod { get; init; } = "pre-approved";

    /// <summary>How long the host keeps reconnecting to a rebooting node before a call is Unreachable (a failure).</summary>
    public TimeSpan ReconnectTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public HealthGateOptions HealthGate { get; init; } = HealthGateOptions.Default;

    /// <summary>After cancellation, steps in flight get this long to finish before they are stopped.</summary>
    public TimeSpan CancellationGracePeriod { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When set, a disruptive group instance starts only if its estimate fits in what is left of the window
    /// (judged on <see cref="Clock"/>); otherwise the run pauses, resumable, until a later resume in the next opening.
    /// </summary>
    public MaintenanceWindow? Window { get; init; }

    /// <summary>Set when continuing a run from its journal.</summary>
    public ResumeState? Resume { get; init; }
}
