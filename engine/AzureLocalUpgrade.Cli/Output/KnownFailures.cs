using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Simulation.Persistence;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>
/// Failures that reach the command boundary but are about the state folder, not a bug in alu: each becomes a
/// diagnostic naming the file and the way out (exit 2), never "internal error".
/// </summary>
internal static class KnownFailures
{
    public static Diagnostic? Describe(Exception exception) => exception switch
    {
        StatePathException outside => outside.Diagnostic,
        SimulationStateUnusableException simulation => StateDiagnostics.SimulationStateUnusable(simulation.FilePath, simulation.Reason),
        RunFileException runFile => StateDiagnostics.RunFileUnusable(
            Path.GetFileName(Path.GetDirectoryName(runFile.FilePath)) ?? "?", runFile.FilePath, runFile.Missing ? "is missing" : runFile.Reason),
        _ => null,
    };
}
