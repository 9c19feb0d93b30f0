namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>
/// A file or folder on a node's disk. The simulator tracks only what procedures touch: folders created with
/// New-Item, folders holding extracted setup media (which remember the release they contain) and text files a
/// simulated cmdlet writes (Test-Cluster's validation report).
/// </summary>
internal sealed class FileEntryState
{
    public string Path { get; set; } = "";

    public bool IsDirectory { get; set; }

    /// <summary>For a folder with extracted setup media: the release on it (23H2, 24H2).</summary>
    public string? MediaRelease { get; set; }

    /// <summary>For a text file: its content (Get-Content reads it).</summary>
    public string? Text { get; set; }
}
