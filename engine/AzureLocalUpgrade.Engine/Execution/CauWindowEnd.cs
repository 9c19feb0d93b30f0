using System.Globalization;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// A CAU run the maintenance window's end stopped: the runbooks bound Invoke-CauRun with -StopAfter (what is left of
/// the opening), and CAU cancels a run still going then, which returns normally. Such a step is not done: it waits for
/// the next opening (a <see cref="PauseReason.Window"/> pause), where a new run updates only the nodes left.
/// </summary>
internal sealed class CauWindowEnd(RunContext context, string clusterName)
{
    /// <summary>The start of the pause's reason.</summary>
    public const string Reason = "window ended during the CAU run";

    /// <summary>The engine's own query (an "alu:" id) of the last Updating Run.</summary>
    public const string ProgressId = "alu:cau-progress";

    // Get-CauReport -Last -Detailed: the ClusterResult's NodeResults, one per node with its Status (Get-CauReport.md).
    private const string ProgressScript = """
        $nodes = @((Get-CauReport -ClusterName $ClusterName -Last -Detailed).ClusterResult.NodeResults)
        @($nodes | Where-Object Status -eq 'Succeeded').Count
        $nodes.Count
        """;

    /// <summary>The window's opening the clock is in now, or null without a window or between openings.</summary>
    public WindowOpening? CurrentOpening()
    {
        var now = context.Clock.UtcNow;
        return context.Window?.CurrentOrNext(now) is { } opening && opening.Contains(now) ? opening : null;
    }

    /// <summary>
    /// True for a cluster-wide step that starts a CAU Updating Run inside an opening and returns at or after the opening's
    /// end: $StopAfter bound it to that end, so CAU canceled the run there unless it had just finished (then the step's
    /// run-time guard skips it next time).
    /// </summary>
    public bool EndedDuring(GraphStep step, EmbeddedText script, WindowOpening? opening) =>
        opening is { } o && context.Clock.UtcNow >= o.End && step.Target.Node is null && DisruptiveWork.StartsCauRun(script.Value);

    /// <summary>The reason with "; N of M nodes updated" from the CAU report, when it can be read (the pause does not depend on it).</summary>
    public async Task<string> ReasonAsync(GraphStep step, CancellationToken ct)
    {
        var invocation = new ScriptInvocation(ProgressId, step.Target, EmbeddedText.Synthetic(ProgressScript),
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["ClusterName"] = clusterName }, TimeSpan.FromMinutes(5), context.ReconnectTimeout);
        var result = await context.Host.InvokeAsync(invocation, ct).ConfigureAwait(false);
        return result is { Outcome: ScriptOutcome.Succeeded, Output: [var updated, var total] }
            && long.TryParse(Convert.ToString(updated, CultureInfo.InvariantCulture), out var n)
            && long.TryParse(Convert.ToString(total, CultureInfo.InvariantCulture), out var m) && m > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Reason}; {n} of {m} nodes updated")
            : Reason;
    }
}
