using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>The per-invocation choices of <c>alu run</c> / <c>alu resume</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Gate ids approved on the command line or from a file (<c>--approve GATE</c>).</summary>
    public IReadOnlySet<string> ApprovedGates { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public string ApprovedBy { get; init; } = Environment.UserName;

    /// <summary>How the approvals arrived (journalled): flag | file | ticket.</summary>
    public string ApprovalMethod { get; init; } = "flag";

    /// <summary>Interrupted steps to run again (<c>--retry STEP</c>); resume only.</summary>
    public IReadOnlySet<string> RetrySteps { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Interrupted steps to treat as done (<c>--skip STEP</c>); resume only.</summary>
    public IReadOnlySet<string> SkipSteps { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public TimeSpan ReconnectTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public HealthGateOptions HealthGate { get; init; } = HealthGateOptions.Default;

    public TimeSpan CancellationGracePeriod { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The maintenance window disruptive groups must fit in (<c>--window</c>); null means any time.</summary>
    public MaintenanceWindow? Window { get; init; }

    /// <summary>The hash of the saved plan being applied, pinned in run.json; null when a runbook is run directly.</summary>
    public string? PlanHash { get; init; }
}
