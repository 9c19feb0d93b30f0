namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class StorageState
{
    public string PoolName { get; set; } = "";

    /// <summary>Storage pool metadata version label; raised by Update-StoragePool.</summary>
    public string PoolVersion { get; set; } = "";

    public List<VirtualDiskState> VirtualDisks { get; set; } = [];

    public List<StorageJobState> Jobs { get; set; } = [];

    public VirtualDiskState? FindDisk(string name) =>
        VirtualDisks.Find(d => string.Equals(d.FriendlyName, name, StringComparison.OrdinalIgnoreCase));
}
