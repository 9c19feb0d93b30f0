using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// A host whose every script succeeds at once, so a run measures the executor alone (scheduling, journal,
/// events) with PowerShell excluded. Health probes see every node Up, no storage jobs and no unhealthy disks,
/// so disruptive groups pass their gates on the first look.
/// </summary>
internal sealed class SucceedingStepHost(IReadOnlyList<string> nodes) : IStepHost
{
    private static readonly Task<ScriptResult> Nothing = Succeeded([]);

    private readonly Task<ScriptResult> _allNodesUp = Succeeded([.. nodes.Select(n => (object?)new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Name"] = n, ["State"] = "Up" })]);

    public int RunspacesOpened => 0;

    public Task<ScriptResult> InvokeAsync(ScriptInvocation invocation, CancellationToken cancellationToken) =>
        invocation.StepId == ClusterHealthScripts.NodeStatesId ? _allNodesUp : Nothing;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<ScriptResult> Succeeded(IReadOnlyList<object?> output) =>
        Task.FromResult(new ScriptResult(ScriptOutcome.Succeeded, output, [], null, SourceSpan.None, TimeSpan.Zero));
}
