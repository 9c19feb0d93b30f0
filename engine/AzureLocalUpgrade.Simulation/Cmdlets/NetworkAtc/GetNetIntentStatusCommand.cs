using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.NetworkAtc;

/// <summary>
/// The status of each Network ATC intent on each host (winserver2025-ps NetworkATC/Get-NetIntentStatus.md): for the
/// cluster (-ClusterName) or one host (-ComputerName, default the session's node); -Name keeps one intent.
/// </summary>
[Cmdlet(VerbsCommon.Get, "NetIntentStatus", DefaultParameterSetName = ComputerNameSet)]
public sealed class GetNetIntentStatusCommand : SimulatorCmdlet
{
    private const string ComputerNameSet = "ComputerName";
    private const string ClusterSet = "Cluster";

    [Parameter(Position = 1)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ComputerNameSet, Position = 2)]
    public string? ComputerName { get; set; }

    [Parameter(ParameterSetName = ClusterSet, Position = 2, Mandatory = true)]
    public string ClusterName { get; set; } = "";

    [Parameter]
    public SwitchParameter GlobalOverrides { get; set; }

    protected override void Execute()
    {
        var status = QueryCluster(s =>
        {
            IEnumerable<NodeState> hosts;
            if (ParameterSetName == ClusterSet)
            {
                CheckClusterName(s, ClusterName);
                hosts = s.Nodes;
            }
            else
            {
                var host = ComputerName ?? Simulation.NodeName ?? throw new SimulationException(
                    "NoHost",
                    ErrorCategory.InvalidArgument,
                    "Get-NetIntentStatus on the orchestrator needs -ComputerName or -ClusterName: the orchestrator is not a Network ATC host.");
                hosts = [NodeOperations.RequireNode(s, host)];
            }

            return NetworkIntents.Status(s, hosts)
                .Where(i => Name is null || string.Equals(i.IntentName, Name, StringComparison.OrdinalIgnoreCase))
                .ToList();
        });
        WriteObject(status, enumerateCollection: true);
    }
}
