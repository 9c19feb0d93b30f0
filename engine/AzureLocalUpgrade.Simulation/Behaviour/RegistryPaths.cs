namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Registry locations the procedures read and write, in PowerShell's HKLM:\ form.</summary>
public static class RegistryPaths
{
    public const string CurrentVersion = @"HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion";
    public const string FileSystem = @"HKLM:\SYSTEM\CurrentControlSet\Control\FileSystem";
    public const string Vid = @"HKLM:\SYSTEM\CurrentControlSet\Services\Vid";
    public const string VidParameters = @"HKLM:\SYSTEM\CurrentControlSet\Services\Vid\Parameters";
    public const string RefsMetadataValidation = "RefsEnableMetadataValidation";

    /// <summary>
    /// Canonical form: HKLM:\ prefix (also accepted: HKEY_LOCAL_MACHINE, Registry::), backslashes, no trailing separator.
    /// Returns null when the path is not a registry path.
    /// </summary>
    public static string? Normalize(string path)
    {
        var p = path.Trim().Replace('/', '\\');
        foreach (var prefix in new[] { @"Microsoft.PowerShell.Core\Registry::", "Registry::" })
        {
            if (p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                p = p[prefix.Length..];
            }
        }

        if (p.StartsWith("HKEY_LOCAL_MACHINE", StringComparison.OrdinalIgnoreCase))
        {
            p = "HKLM:" + p["HKEY_LOCAL_MACHINE".Length..];
        }

        if (!p.StartsWith("HKLM:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = p[5..].Trim('\\');
        return rest.Length == 0 ? @"HKLM:\" : @"HKLM:\" + rest;
    }

    public static string? Parent(string normalized)
    {
        var cut = normalized.LastIndexOf('\\');
        return cut <= 5 ? (normalized == @"HKLM:\" ? null : @"HKLM:\") : normalized[..cut];
    }
}
