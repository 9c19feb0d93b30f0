using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Reporting;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>Writes report.md and report.junit.xml into a run's folder (at the end of every run and on <c>alu report</c>).</summary>
public static class RunReports
{
    public static RunReportFiles? Publish(string stateDirectory, RunResult result, SimulatedCluster? simulation, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var folder = RunFolder.Open(stateDirectory, result.RunId);
            var files = RunReportPublisher.Write(folder, RunReportBuilder.Build(folder, FinalBuilds(simulation)));
            console.Error.WriteLine($"Report: {console.DisplayPath(files.MarkdownPath)} and {Path.GetFileName(files.JUnitPath)}");
            return files;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // A report that cannot be written must not change the run's exit code: the journal still has everything.
            console.Error.WriteLine($"alu: warning: could not write the report for {result.RunId}: {ex.Message}");
            return null;
        }
    }

    /// <summary>The build each node reports now: known for a simulated cluster; a real one's final check step shows it.</summary>
    public static IReadOnlyDictionary<string, string>? FinalBuilds(SimulatedCluster? simulation) =>
        simulation?.Snapshot().Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.OrdinalIgnoreCase);
}
