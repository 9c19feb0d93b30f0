using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.StorageReplica;

/// <summary>
/// The partnerships between replication groups (winserver2022-ps/StorageReplica/Get-SRPartnership.md): every one
/// the cluster has, or those whose source or destination computer is named.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SRPartnership")]
public sealed class GetSRPartnershipCommand : SimulatorCmdlet
{
    [Parameter]
    public string? SourceComputerName { get; set; }

    [Parameter]
    public string? DestinationComputerName { get; set; }

    protected override void Execute()
    {
        var partnerships = QueryCluster(s => StorageReplication.Partnerships(s)
            .Where(p => SourceComputerName is null || string.Equals(p.SourceComputerName, SourceComputerName, StringComparison.OrdinalIgnoreCase))
            .Where(p => DestinationComputerName is null || string.Equals(p.DestinationComputerName, DestinationComputerName, StringComparison.OrdinalIgnoreCase))
            .Select(p => new SRPartnershipInfo(p.Id, p.SourceComputerName, p.SourceRGName, p.DestinationComputerName, p.DestinationRGName))
            .ToList());
        WriteObject(partnerships, enumerateCollection: true);
    }
}
