using System.Globalization;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Health;

/// <summary>
/// Asks the cluster how it is, through the same host as the steps. Cluster-wide cmdlets can run on any member,
/// so the probe asks the first node (inventory order) it is not about to take down, and the next one if that fails.
/// </summary>
internal sealed class ClusterHealthProbe(IStepHost host, StepGraph graph, HealthGateOptions options)
{
    public async Task<IReadOnlyDictionary<string, string>?> ReadNodeStatesAsync(IReadOnlySet<string> avoid, CancellationToken ct)
    {
        var (result, error) = await AskAsync(ClusterHealthScripts.NodeStatesId, ClusterHealthScripts.NodeStates, avoid, ct).ConfigureAwait(false);
        return error is null ? ParseNodeStates(result!) : null;
    }

    public async Task<ClusterHealthSnapshot> SnapshotAsync(IReadOnlySet<string> avoid, CancellationToken ct)
    {
        var (nodes, nodeError) = await AskAsync(ClusterHealthScripts.NodeStatesId, ClusterHealthScripts.NodeStates, avoid, ct).ConfigureAwait(false);
        if (nodeError is not null)
        {
            return new ClusterHealthSnapshot(new Dictionary<string, string>(), [], [], nodeError);
        }

        var (jobs, jobError) = await AskAsync(ClusterHealthScripts.StorageJobsId, ClusterHealthScripts.StorageJobs, avoid, ct).ConfigureAwait(false);
        var (disks, diskError) = await AskAsync(ClusterHealthScripts.VirtualDisksId, ClusterHealthScripts.VirtualDisks, avoid, ct).ConfigureAwait(false);
        return new ClusterHealthSnapshot(
            ParseNodeStates(nodes!),
            jobs is null ? [] : Lines(jobs),
            disks is null ? [] : Lines(disks),
            jobError ?? diskError);
    }

    private async Task<(ScriptResult? Result, string? Error)> AskAsync(string id, string script, IReadOnlySet<string> avoid, CancellationToken ct)
    {
        var candidates = graph.Cluster.Nodes.Select(n => n.Name).Where(n => !avoid.Contains(n)).ToList();
        if (candidates.Count == 0)
        {
            candidates = graph.Cluster.Nodes.Select(n => n.Name).ToList();
        }

        var errors = new List<string>();
        foreach (var node in candidates)
        {
            var invocation = new ScriptInvocation(
                id,
                new StepTarget(TargetKind.Cluster, node),
                EmbeddedText.Synthetic(script),
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["ClusterName"] = graph.Cluster.Name },
                options.ProbeReconnectTimeout,
                options.ProbeReconnectTimeout);
            var result = await host.InvokeAsync(invocation, ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (result.Outcome == ScriptOutcome.Succeeded)
            {
                return (result, null);
            }

            errors.Add($"{node}: {result.Outcome} {result.ErrorMessage}".TrimEnd());
        }

        return (null, string.Join("; ", errors));
    }

    private static Dictionary<string, string> ParseNodeStates(ScriptResult result)
    {
        // Each output item is an object with Name and State (ClusterHealthScripts.NodeStates); anything else is ignored.
        var states = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in result.Output.OfType<IReadOnlyDictionary<string, object?>>())
        {
            if (item.TryGetValue("Name", out var name) && name is not null && item.TryGetValue("State", out var state) && state is not null)
            {
                states[Convert.ToString(name, CultureInfo.InvariantCulture)!] = Convert.ToString(state, CultureInfo.InvariantCulture)!;
            }
        }

        return states;
    }

    private static List<string> Lines(ScriptResult result) =>
        result.Output.Where(o => o is not null).Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)!).ToList();
}
