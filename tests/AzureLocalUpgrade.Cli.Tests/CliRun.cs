using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Cli;

namespace AzureLocalUpgrade.Cli.Tests;

/// <summary>Runs alu in-process with captured stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, new CliConsole(output, error, workingDirectory));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The engine tests' golden case: a runbook, its fragment, a 4-node inventory and a params file.</summary>
    public static string FeatureTour() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "AzureLocalUpgrade.Engine.Tests", "TestData", "plans", "feature-tour"));

    // Resolved here, not at the caller, so tests in sub-folders find the same folder.
    private static string ThisFile([CallerFilePath] string thisFile = "") => thisFile;
}
