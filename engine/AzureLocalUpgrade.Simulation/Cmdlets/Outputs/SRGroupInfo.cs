namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-SRGroup output, with the properties the reference's examples show (winserver2022-ps/StorageReplica/Get-SRGroup.md).</summary>
public sealed record SRGroupInfo(
    string ComputerName,
    string Name,
    Guid Id,
    bool IsCluster,
    bool IsInPartnership,
    bool IsPrimary,
    bool IsSuspended,
    string LogVolume,
    long LogSizeInBytes,
    int NumOfReplicas,
    IReadOnlyList<SRReplicaInfo> Replicas,
    string ReplicationMode,
    string ReplicationStatus);

/// <summary>One replica of a replication group ((Get-SRGroup).Replicas in Get-SRGroup.md, example 3).</summary>
public sealed record SRReplicaInfo(string DataVolume, Guid PartitionId, string ReplicationMode, string ReplicationStatus);

/// <summary>Get-SRPartnership output (winserver2022-ps/StorageReplica/Get-SRPartnership.md).</summary>
public sealed record SRPartnershipInfo(Guid Id, string SourceComputerName, string SourceRGName, string DestinationComputerName, string DestinationRGName);
