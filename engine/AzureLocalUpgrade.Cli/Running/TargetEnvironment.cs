using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.PowerShell.Targets;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Simulation.Scenarios;
using AzureLocalUpgrade.Simulation.Sessions;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// What a run executes against: the simulated cluster saved under the state folder (virtual clock, simulator
/// cmdlets) when the inventory says <c>simulated: true</c>, otherwise the real nodes over PowerShell remoting
/// (wall clock). Either way the executor sees one <see cref="IStepHost"/> and one <see cref="ExecutionClock"/>.
/// </summary>
public sealed class TargetEnvironment : IAsyncDisposable
{
    private TargetEnvironment(IStepHost host, ExecutionClock clock, SimulatedCluster? simulation)
    {
        Host = host;
        Clock = clock;
        Simulation = simulation;
    }

    public IStepHost Host { get; }

    public ExecutionClock Clock { get; }

    /// <summary>The simulated cluster, or null for a real one.</summary>
    public SimulatedCluster? Simulation { get; }

    public static TargetEnvironment Open(ClusterInventory inventory, string stateDirectory, FaultScenario? scenario, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger("AzureLocalUpgrade.PowerShell");
        if (inventory.Connection.Simulated)
        {
            var cluster = SimulatedCluster.OpenOrCreate(inventory, stateDirectory, scenario);
            var clock = cluster.Clock;
            return new TargetEnvironment(new PowerShellStepHost(new SimulatedTargetConnector(cluster), clock, logger), clock, cluster);
        }

        ITargetConnector connector = RealClusterConnector.Create(inventory);
        return new TargetEnvironment(new PowerShellStepHost(connector, ExecutionClock.System, logger), ExecutionClock.System, null);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
