namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>An ISO mounted with Mount-DiskImage: its drive letter and the release read from the file name.</summary>
internal sealed class MountedImageState
{
    public string ImagePath { get; set; } = "";

    public string DriveLetter { get; set; } = "";

    public string Release { get; set; } = "";
}
