using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// Storage Replica on a simulated stretched cluster: each virtual disk is replicated from the first node of the first
/// site (source replication group, primary) to the first node of the second site (destination group), one
/// partnership per disk. Replication is continuous while both hosts run in the cluster and the volume is online.
/// Sources: winserver2022-ps/StorageReplica/Get-SRGroup.md, Get-SRPartnership.md (objects and properties);
/// azure-local/upgrade/upgrade-stretched-cluster-to-23h2.md ("ContinuouslyReplicating or
/// ContinuouslyReplicating_InRpo" means ready). The reference lists no other status, so any other state is
/// reported as Unknown.
/// </summary>
internal static class StorageReplication
{
    public const string Replicating = "ContinuouslyReplicating";
    public const string Unknown = "Unknown";

    public sealed record Group(string ComputerName, string Name, Guid Id, bool IsPrimary, string DataVolume, string LogVolume, string ReplicationStatus, string PartnerComputer, string PartnerName);

    public sealed record Partnership(Guid Id, string SourceComputerName, string SourceRGName, string DestinationComputerName, string DestinationRGName);

    /// <summary>Every replication group of the cluster (none unless it is stretched over two sites).</summary>
    public static IReadOnlyList<Group> Groups(SimulationState s)
    {
        var sites = s.Nodes.Where(n => n.Site is not null).GroupBy(n => n.Site!, StringComparer.OrdinalIgnoreCase).ToList();
        if (!s.Stretch || sites.Count < 2)
        {
            return [];
        }

        var source = sites[0].First();
        var destination = sites[1].First();
        var groups = new List<Group>();
        foreach (var disk in s.Storage.VirtualDisks)
        {
            var healthy = source.InCluster && destination.InCluster && StorageOperations.VolumeOnline(s, disk);
            var status = healthy ? Replicating : Unknown;
            var volume = $@"C:\ClusterStorage\{disk.FriendlyName}";
            var sourceName = $"{disk.FriendlyName}-{sites[0].Key}";
            var destinationName = $"{disk.FriendlyName}-{sites[1].Key}";
            groups.Add(new(source.Name, sourceName, IdOf(sourceName), true, volume, $@"L:\{sourceName}", status, destination.Name, destinationName));
            groups.Add(new(destination.Name, destinationName, IdOf(destinationName), false, volume, $@"L:\{destinationName}", status, source.Name, sourceName));
        }

        return groups;
    }

    public static IReadOnlyList<Partnership> Partnerships(SimulationState s) =>
        [.. Groups(s).Where(g => g.IsPrimary).Select(g => new Partnership(IdOf(g.Name + "|" + g.PartnerName), g.ComputerName, g.Name, g.PartnerComputer, g.PartnerName))];

    /// <summary>A stable id per name, so repeated queries agree.</summary>
    public static Guid IdOf(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>The replica host a query names (default: the session's node); it must be running.</summary>
    public static NodeState RequireHost(SimulationState s, string? computerName, string? sessionNode)
    {
        var name = computerName ?? sessionNode ?? throw new SimulationException(
            "SRNoLocalReplicaHost", System.Management.Automation.ErrorCategory.InvalidArgument,
            "This computer is not a Storage Replica host; name one with -ComputerName.");
        var node = NodeOperations.RequireNode(s, name.Split('.')[0]);
        if (!node.MachineOnline)
        {
            throw new SimulationException("SRHostUnreachable", System.Management.Automation.ErrorCategory.ConnectionError, $"Cannot reach {node.Name}: it is not running.");
        }

        return node;
    }
}
