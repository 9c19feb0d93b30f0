using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Computer;

/// <summary>
/// Restarts nodes: Down now (sessions to them break), back after the boot time, applying a pending feature update.
/// With -Wait (from another machine) it advances virtual time until the nodes are back, or -Timeout seconds pass.
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "Computer")]
[OutputType("System.Management.Automation.RemotingJob")]
public sealed class RestartComputerCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("CN", "__SERVER", "Server", "IPAddress")]
    public string[]? ComputerName { get; set; }

    [Parameter]
    [Alias("f")]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [Alias("TimeoutSec")]
    public int Timeout { get; set; } = -1;

    [Parameter]
    [ValidateSet("Wmi", "WinRM", "PowerShell")]
    public string? For { get; set; }

    protected override void Execute()
    {
        var names = ComputerName ?? [Simulation.NodeName ?? throw new SimulationException(
            "RestartOrchestrator", ErrorCategory.InvalidOperation, "Restart-Computer on the orchestrator needs -ComputerName: the simulator does not restart the machine running alu.")];
        var self = Simulation.NodeName is { } local && names.All(n => string.Equals(n, local, StringComparison.OrdinalIgnoreCase) || n is "localhost" or ".");
        var failed = OnCluster(s =>
        {
            foreach (var name in names)
            {
                Remoting.SecondHop.Check(s, Simulation.NodeName, name, CommandName);
            }

            var nodes = names.Select(n => NodeOperations.RequireNode(s, n is "localhost" or "." ? Simulation.NodeName ?? n : n)).ToList();
            nodes.ForEach(n => NodeOperations.BeginRestart(s, n, soft: false));
            // Waiting on your own restart is meaningless: the session is gone.
            if (!Wait || self)
            {
                return [];
            }

            var limit = s.Now + (Timeout < 0 ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(Timeout));
            var back = nodes.Select(n => n.BootCompletesAt ?? DateTimeOffset.MaxValue).Max();
            Evolution.AdvanceTo(s, back < limit ? back : limit);
            return nodes.Where(n => !n.MachineOnline).Select(n => n.Name).ToList();
        });
        if (failed.Count > 0)
        {
            throw new SimulationException(
                "RestartComputerTimeout,Microsoft.PowerShell.Commands.RestartComputerCommand",
                ErrorCategory.OperationTimeout,
                $"Restart-Computer timed out waiting for {string.Join(", ", failed)} to come back.");
        }
    }
}
