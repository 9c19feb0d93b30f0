using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>
/// Every path inside the state folder is built here and checked to stay inside it. Names that reach a path are
/// validated first (cluster names, run ids); this check is the second line: whatever a segment holds (a "..", an
/// absolute path, a value read back from a tampered run.json), the resolved path must lie under the state folder.
/// </summary>
public static class StatePaths
{
    /// <summary>The full path of <paramref name="segments"/> under <paramref name="root"/>.</summary>
    /// <exception cref="StatePathException">The resolved path is not strictly inside <paramref name="root"/>.</exception>
    public static string Under(string root, params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(segments);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string full;
        try
        {
            full = Path.GetFullPath(Path.Join([fullRoot, .. segments.Select(s => s.Length == 0 ? "." : s)]));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StatePathException(string.Join("/", segments), fullRoot, e);
        }

        return IsInside(fullRoot, full) ? full : throw new StatePathException(full, fullRoot);
    }

    /// <summary>True when <paramref name="full"/> is strictly below <paramref name="root"/> (both full paths).</summary>
    public static bool IsInside(string root, string full)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(full);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return full.Length > prefix.Length && full.StartsWith(prefix, comparison);
    }
}

/// <summary>A state path that would lie outside the state folder (ALU2604); nothing was read or written.</summary>
public sealed class StatePathException : IOException
{
    public StatePathException()
    {
        Diagnostic = InputDiagnostics.PathOutsideStateDirectory("", "");
    }

    public StatePathException(string message)
        : base(message)
    {
        Diagnostic = InputDiagnostics.PathOutsideStateDirectory("", "");
    }

    public StatePathException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = InputDiagnostics.PathOutsideStateDirectory("", "");
    }

    public StatePathException(string path, string stateDirectory, Exception? inner = null)
        : base($"{path} lies outside the state folder {stateDirectory}.", inner)
    {
        Diagnostic = InputDiagnostics.PathOutsideStateDirectory(path, stateDirectory);
    }

    public Diagnostic Diagnostic { get; }
}
