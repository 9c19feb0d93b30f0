namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Windows file paths on a simulated node: compared case-insensitively, backslashes, no trailing separator.</summary>
public static class FilePaths
{
    public static string Normalize(string path)
    {
        var p = path.Trim().Replace('/', '\\');
        if (p.StartsWith(@"Microsoft.PowerShell.Core\FileSystem::", StringComparison.OrdinalIgnoreCase))
        {
            p = p[@"Microsoft.PowerShell.Core\FileSystem::".Length..];
        }

        p = p.TrimEnd('\\');
        // "C:" alone is the drive root.
        return p.Length == 2 && p[1] == ':' ? p + "\\" : p;
    }

    public static string? Parent(string normalized)
    {
        var cut = normalized.LastIndexOf('\\');
        if (cut < 0 || normalized.EndsWith(":\\", StringComparison.Ordinal))
        {
            return null;
        }

        return cut == 2 ? normalized[..3] : normalized[..cut];
    }

    public static string Combine(string folder, string child) => Normalize(folder.TrimEnd('\\') + "\\" + child);

    /// <summary>"D:\*" or "D:\" → "D" when the path is a drive root (optionally wildcarded); otherwise null.</summary>
    public static string? DriveRootLetter(string path)
    {
        var p = Normalize(path).TrimEnd('*').TrimEnd('\\');
        return p.Length == 2 && p[1] == ':' ? p[..1].ToUpperInvariant() : null;
    }
}
