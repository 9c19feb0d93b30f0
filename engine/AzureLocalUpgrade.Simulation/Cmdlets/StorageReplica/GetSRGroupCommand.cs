using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.StorageReplica;

/// <summary>
/// The replication groups on one replica host (winserver2022-ps/StorageReplica/Get-SRGroup.md, FromGroup set:
/// -ComputerName defaults to the local computer, -Name filters). A stretched cluster's groups come from
/// <see cref="StorageReplication"/>; other clusters have none.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SRGroup")]
public sealed class GetSRGroupCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ComputerName { get; set; }

    [Parameter(Position = 1)]
    public string? Name { get; set; }

    protected override void Execute()
    {
        var groups = QueryCluster(s =>
        {
            var host = StorageReplication.RequireHost(s, ComputerName, Simulation.NodeName);
            return StorageReplication.Groups(s)
                .Where(g => string.Equals(g.ComputerName, host.Name, StringComparison.OrdinalIgnoreCase))
                .Where(g => Name is null || string.Equals(g.Name, Name, StringComparison.OrdinalIgnoreCase))
                .Select(g => new SRGroupInfo(
                    g.ComputerName, g.Name, g.Id, IsCluster: true, IsInPartnership: true, g.IsPrimary, IsSuspended: false,
                    g.LogVolume, 8L << 30, 1,
                    [new SRReplicaInfo(g.DataVolume, StorageReplication.IdOf(g.Name + "|partition"), "Synchronous", g.ReplicationStatus)],
                    "Synchronous", g.ReplicationStatus))
                .ToList();
        });
        WriteObject(groups, enumerateCollection: true);
    }
}
