using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// Finds the shipped runbooks/ folder: first walking up from the working directory (a checkout), then from the
/// executable's folder (an installed or built alu), so `alu runbooks` works from anywhere inside the repository.
/// </summary>
internal static class RunbooksFolderLocator
{
    public const string FolderName = "runbooks";

    /// <summary>The same <c>--runbooks DIR</c> option on every command that looks the runbooks folder up.</summary>
    public static Option<DirectoryInfo?> Option() => new("--runbooks")
    {
        Description = "Folder of runbooks (default: runbooks/ in the working directory or above it, then the one shipped beside alu).",
    };

    public static string? Find(string workingDirectory, string executableDirectory) =>
        WalkUp(workingDirectory) ?? WalkUp(executableDirectory);

    private static string? WalkUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
