namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>How long simulated things take, in virtual time. Few hard numbers exist; these are plausible.</summary>
public static class SimulationTimings
{
    public static readonly TimeSpan Boot = TimeSpan.FromMinutes(8);
    public static readonly TimeSpan Drain = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan SetupInstall = TimeSpan.FromMinutes(25);
    public static readonly TimeSpan WindowsUpdateInstall = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan WindowsUpdateScan = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan StopCluster = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan StartCluster = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MediaCopy = TimeSpan.FromMinutes(4);

    /// <summary>CAU gives up waiting for storage repair after this long and marks the node failed.</summary>
    public static readonly TimeSpan CauStorageRepairTimeout = TimeSpan.FromHours(4);

    /// <summary>Repair after a return takes half the time the node was away, within these bounds.</summary>
    public static TimeSpan RepairDuration(TimeSpan away) =>
        TimeSpan.FromTicks(Math.Clamp(away.Ticks / 2, TimeSpan.FromMinutes(4).Ticks, TimeSpan.FromHours(3).Ticks));
}
