namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Where runs, locks and simulated clusters live when <c>--state-dir</c> is not given: the user's local state
/// directory ($XDG_STATE_HOME or ~/.local/state on Linux and macOS, %LOCALAPPDATA% on Windows), so a scheduled
/// `alu resume` finds what an earlier `alu run` left without extra flags.
/// </summary>
public static class StateDirectoryLocator
{
    public const string EnvironmentVariable = "ALU_STATE_DIR";

    public static string Resolve(string? option, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option, workingDirectory);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment, workingDirectory);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "AzureLocalUpgrade");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "azurelocalupgrade");
    }
}
