namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>Cluster-wide facts used by guards (alu select), `when` conditions and the simulator's start state.</summary>
/// <param name="Identity">The Azure resource identity type, e.g. SystemAssigned; null when missing.</param>
/// <param name="CloudManagementGroup">present | absent | failed.</param>
/// <param name="OrchestratorOs">OS of the machine that runs Invoke-CauRun, e.g. "Windows Server 2022".</param>
public sealed record ClusterFacts(
    bool Stretch,
    bool SolutionDeployed,
    bool Registered,
    string? Identity,
    string CloudManagementGroup,
    AksArcFacts AksArc,
    bool CauRoleInstalled,
    bool KernelSoftReboot,
    bool CredSspEnabled,
    bool WindowsUpdateAccess,
    string? OrchestratorOs,
    int FunctionalLevel,
    StorageFacts Storage);

public sealed record AksArcFacts(bool Installed, bool Preview);

/// <param name="PoolName">e.g. "S2D on hci01".</param>
public sealed record StorageFacts(string PoolName, IReadOnlyList<VolumeFacts> Volumes);

/// <param name="FileSystem">ReFS | CSVFS_ReFS | NTFS | CSVFS_NTFS.</param>
public sealed record VolumeFacts(string Name, string FileSystem, long SizeGb);
