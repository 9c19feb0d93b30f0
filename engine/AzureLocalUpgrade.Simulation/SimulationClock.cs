using AzureLocalUpgrade.Engine.Execution;

namespace AzureLocalUpgrade.Simulation;

/// <summary>
/// The simulated cluster's virtual clock for the executor: UtcNow is the cluster's virtual time. A delay waits until
/// virtual time reaches its end, and virtual time moves (processing every boot, drain and repair that falls due) only
/// when all the run's work in flight is waiting (<see cref="VirtualTimeScheduler"/>), so hours pass in milliseconds and
/// work that runs at once overlaps.
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
            await _cluster.Scheduler.WaitUntilAsync(_cluster.Now + delay, "", cancellationToken).ConfigureAwait(false);
        }

        // Yield so a polling loop on the virtual clock still lets other work run.
        await Task.Yield();
    }

    public override Task TakeTurnAsync(string order) => _cluster.Scheduler.WaitUntilAsync(_cluster.Now, order, CancellationToken.None);

    public override void EnterWork() => _cluster.Scheduler.EnterWork();

    public override bool LeaveWork(int count = 1) => _cluster.Scheduler.LeaveWork(count);
}
