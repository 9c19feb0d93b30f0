using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>`alu run` in-process against the simulated cluster in one --state-dir, then the cluster's state.</summary>
internal static class SimulatedRun
{
    public static async Task<(CliRun Run, SimulationSnapshot Cluster)> Of(
        TempStateDirectory state, string runbook, string cluster, params string[] extra)
    {
        var run = await CliRun.Of(ShippedRunbook.RepoRoot,
            ["run", runbook, "--cluster", cluster, "--state-dir", state.Path, "--approve", "*", .. extra]);
        var name = ClusterNameOf(Path.Combine(ShippedRunbook.RepoRoot, cluster));
        var snapshot = SimulatedCluster.ReadSnapshot(state.Path, name)
            ?? throw new InvalidOperationException($"No simulated cluster {name} in {state.Path}: {run.Error}");
        return (run, snapshot);
    }

    public static Task<(CliRun Run, SimulationSnapshot Cluster)> Of(TempStateDirectory state, ShippedRunbook runbook, params string[] extra) =>
        Of(state, runbook.Path, runbook.Cluster, [.. runbook.Settings, .. extra]);

    private static string ClusterNameOf(string inventory) =>
        File.ReadLines(inventory).First(l => l.StartsWith("name:", StringComparison.Ordinal))["name:".Length..].Trim();
}
