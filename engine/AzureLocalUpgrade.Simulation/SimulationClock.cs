using AzureLocalUpgrade.Engine.Execution;

namespace AzureLocalUpgrade.Simulation;

/// <summary>
/// The simulated cluster's virtual clock for the executor: UtcNow is the cluster's virtual time, and a delay
/// advances it at once (processing every boot, drain and repair that falls due), so hours pass in milliseconds.
/// </summary>
public sealed class SimulationClock : ExecutionClock
{
    private readonly SimulatedCluster _cluster;

    internal SimulationClock(SimulatedCluster cluster) => _cluster = cluster;

    public override DateTimeOffset UtcNow => _cluster.Now;

    public override async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            _cluster.AdvanceTime(delay);
        }

        // Yield so a polling loop on the virtual clock still lets other work run.
        await Task.Yield();
    }
}
