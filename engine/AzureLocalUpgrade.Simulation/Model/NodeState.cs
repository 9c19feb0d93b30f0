using System.Text.Json.Serialization;
using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>One simulated machine: its OS, its cluster membership and the local state procedures touch.</summary>
internal sealed class NodeState
{
    public string Name { get; set; } = "";

    public string? Site { get; set; }

    public int BuildMajor { get; set; }

    public int BuildRevision { get; set; }

    /// <summary>The machine is running (reachable). False from a restart until its boot completes.</summary>
    public bool MachineOnline { get; set; } = true;

    /// <summary>When the boot in progress finishes; null when the machine is up or never comes back.</summary>
    public DateTimeOffset? BootCompletesAt { get; set; }

    /// <summary>The restart in progress is a kernel soft reboot, which cannot apply a feature update.</summary>
    public bool SoftRebootInProgress { get; set; }

    /// <summary>
    /// When the operating system last finished starting (Win32_OperatingSystem.LastBootUpTime): a boot that completes
    /// sets it, so "has the node booted since" is answered from the node itself.
    /// </summary>
    public DateTimeOffset LastBootUpTime { get; set; }

    /// <summary>Incremented at every restart: sessions opened in an older epoch are broken.</summary>
    public long BootEpoch { get; set; }

    /// <summary>When the node last left the cluster (went Down); storage repair on return is proportional to the time away.</summary>
    public DateTimeOffset? LeftClusterAt { get; set; }

    /// <summary>Paused (maintenance) survives reboots, as on a real cluster.</summary>
    public bool Paused { get; set; }

    public NodeDrainStatus DrainStatus { get; set; }

    public DateTimeOffset? DrainCompletesAt { get; set; }

    public bool SecureBoot { get; set; }

    public List<NicDriverState> NicDrivers { get; set; } = [];

    public List<RegistryKeyState> Registry { get; set; } = [];

    public List<ServiceState> Services { get; set; } = [];

    public List<FileEntryState> Files { get; set; } = [];

    public List<MountedImageState> MountedImages { get; set; } = [];

    /// <summary>Release staged by WU install, setup.exe or CAU; applied during the next full reboot.</summary>
    public string? PendingFeatureUpdate { get; set; }

    /// <summary>Build a cumulative update staged by CAU's WindowsUpdatePlugin brings ("25398.1732"); applied at the next full reboot.</summary>
    public string? PendingCumulativeUpdate { get; set; }

    public bool RemotingConfigured { get; set; }

    public bool CredSspServer { get; set; }

    public bool FirewallRulesEnabled { get; set; }

    /// <summary>refs-key-overridden fault: ReFS volumes stay offline until the key is toggled 1 then 0.</summary>
    public bool RefsVolumesBlocked { get; set; }

    public bool RefsToggleArmed { get; set; }

    public NodeCounters Counters { get; set; } = new();

    [JsonIgnore]
    public OsBuild Build => new(BuildMajor, BuildRevision);

    [JsonIgnore]
    public ServiceState ClusterService =>
        Services.Find(s => string.Equals(s.Name, "clussvc", StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Node {Name} has no clussvc service.");

    /// <summary>In the cluster: the machine runs and its cluster service runs.</summary>
    [JsonIgnore]
    public bool InCluster => MachineOnline && ClusterService.Status == ServiceStatus.Running;

    [JsonIgnore]
    public ClusterNodeState State => !InCluster ? ClusterNodeState.Down : Paused ? ClusterNodeState.Paused : ClusterNodeState.Up;

    public RegistryKeyState? FindKey(string path) =>
        Registry.Find(k => string.Equals(k.Path, path, StringComparison.OrdinalIgnoreCase));

    public FileEntryState? FindFile(string path) =>
        Files.Find(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));

    public ServiceState? FindService(string name) =>
        Services.Find(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
