namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>A Storage Spaces Direct virtual disk with its volume and CSV (one each, same name).</summary>
internal sealed class VirtualDiskState
{
    public string FriendlyName { get; set; } = "";

    /// <summary>ReFS | CSVFS_ReFS | NTFS | CSVFS_NTFS.</summary>
    public string FileSystem { get; set; } = "";

    public long SizeGb { get; set; }

    /// <summary>False after Disconnect-VirtualDisk (offline) until Connect-VirtualDisk.</summary>
    public bool Attached { get; set; } = true;

    public bool IsReFS => FileSystem.Contains("ReFS", StringComparison.OrdinalIgnoreCase);
}
