using AzureLocalUpgrade.Engine.Execution.Scheduling;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Walks a compiled <see cref="StepGraph"/>: starts every step whose needs are met (independent steps run
/// concurrently), honours each forEach group's strategy, failure budget and health gate, runs onFailure steps,
/// journals everything and returns a <see cref="RunResult"/>. Use <see cref="RunCoordinator"/> for the lock,
/// the run folder and resume; this type executes one session with what it is given.
/// </summary>
public sealed class StepGraphExecutor
{
    public async Task<RunResult> ExecuteAsync(StepGraph graph, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(context);
        using var activity = RunActivities.StartRun(context.RunId, $"{graph.RunbookName} {graph.RunbookVersion}", graph.Cluster.Name);
        var result = await new ExecutionRun(graph, context).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        RunActivities.End(activity, StepRunner.JsonName(result.Outcome), result.Outcome is RunOutcome.Failed or RunOutcome.PreconditionFailed, exitCode: result.ExitCode);
        return result;
    }
}
