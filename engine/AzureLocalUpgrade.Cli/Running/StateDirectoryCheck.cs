using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Commands that write state check first that they can, so a read-only or mistyped state folder is one diagnostic
/// naming the folder (ALU6031) before anything runs, not a failure half-way through.
/// </summary>
public static class StateDirectoryCheck
{
    public static Diagnostic? Writable(string stateDirectory)
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
            var probe = Path.Combine(stateDirectory, $".alu-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StateDiagnostics.StateDirectoryNotWritable(stateDirectory, e.Message);
        }
    }

    /// <summary>True when the folder has any of what alu keeps there (runs/, locks/, clusters/).</summary>
    public static bool HoldsState(string stateDirectory) =>
        new[] { "runs", "locks", "clusters" }.Any(sub => Directory.Exists(Path.Combine(stateDirectory, sub)));
}
