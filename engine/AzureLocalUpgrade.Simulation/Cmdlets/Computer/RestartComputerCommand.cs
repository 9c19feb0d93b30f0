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
        var (restarted, until) = OnCluster(s =>
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
                return (nodes.Select(n => n.Name).ToList(), (DateTimeOffset?)null);
            }

            var limit = s.Now + (Timeout < 0 ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(Timeout));
            var back = nodes.Select(n => n.BootCompletesAt ?? DateTimeOffset.MaxValue).Max();
            return (nodes.Select(n => n.Name).ToList(), back < limit ? back : limit);
        });
        if (until is not { } end)
        {
            return;
        }

        // -Wait: the restarts take their time while other sessions go on.
        WaitUntil(end);
        var failed = QueryCluster(s => restarted.Where(n => !NodeOperations.RequireNode(s, n).MachineOnline).ToList());
        if (failed.Count > 0)
        {
            throw new SimulationException(
                "RestartComputerTimeout,Microsoft.PowerShell.Commands.RestartComputerCommand",
                ErrorCategory.OperationTimeout,
                $"Restart-Computer timed out waiting for {string.Join(", ", failed)} to come back.");
        }
    }
}
