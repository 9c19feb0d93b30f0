using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Reporting;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu report RUN|--latest</c>: (re)writes a run's Markdown and JUnit reports from its journal, into the run
/// folder and, with <c>--out DIR</c>, a copy where a CI job or a ticket can pick them up.
/// </summary>
public sealed class ReportCommand(CliConsole console)
{
    public sealed record Request(string? RunId, bool Latest, string? Cluster, string? StateDir, string? OutDirectory);

    public static Command Create(CliConsole console)
    {
        var run = new Argument<string?>("run") { Description = "The run id.", Arity = ArgumentArity.ZeroOrOne };
        var latest = new Option<bool>("--latest") { Description = "The newest run (of --cluster's cluster when given)." };
        var cluster = new Option<string?>("--cluster", "-c") { Description = "With --latest: only runs of this inventory's cluster." };
        var stateDir = new Option<string?>("--state-dir", "-s") { Description = "The state folder (as given to alu run)." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Also copy report.md and report.junit.xml into this folder." };
        var command = new Command("report", "Write a run's Markdown and JUnit reports.") { run, latest, cluster, stateDir, outDir };
        command.SetAction(parse => new ReportCommand(console).Run(new Request(
            parse.GetValue(run), parse.GetValue(latest), parse.GetValue(cluster), parse.GetValue(stateDir), parse.GetValue(outDir))));
        return command;
    }

    public int Run(Request request)
    {
        var stateDirectory = StateDirectoryLocator.Resolve(request.StateDir, console.WorkingDirectory);
        var bag = new DiagnosticBag();
        var runId = request.RunId ?? (request.Latest ? Latest(stateDirectory, request.Cluster, bag) : null);
        if (runId is null || bag.HasErrors)
        {
            bag.Add(RunInputDiagnostics.RunNotFound(request.RunId ?? "(give RUN or --latest)", stateDirectory));
            new DiagnosticRenderer(console).Render(bag.Items, OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        if (RunId.Problem(runId) is { } problem)
        {
            new DiagnosticRenderer(console).Render([InputDiagnostics.InvalidRunId(runId, problem)], OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        RunFolder folder;
        try
        {
            folder = RunFolder.Open(stateDirectory, runId);
        }
        catch (DirectoryNotFoundException)
        {
            new DiagnosticRenderer(console).Render([RunInputDiagnostics.RunNotFound(runId, stateDirectory)], OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        var simulation = SimulatedCluster.ReadSnapshot(stateDirectory, folder.ReadManifest().Cluster);
        var builds = simulation?.Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.OrdinalIgnoreCase);
        var files = RunReportPublisher.Write(folder, RunReportBuilder.Build(folder, builds));
        console.Out.WriteLine(console.DisplayPath(files.MarkdownPath));
        console.Out.WriteLine(console.DisplayPath(files.JUnitPath));
        if (request.OutDirectory is { } outDir)
        {
            var target = console.FullPath(outDir);
            Directory.CreateDirectory(target);
            foreach (var file in new[] { files.MarkdownPath, files.JUnitPath })
            {
                var copy = Path.Combine(target, Path.GetFileName(file));
                File.Copy(file, copy, overwrite: true);
                console.Out.WriteLine(console.DisplayPath(copy));
            }
        }

        return ExitCodes.Success;
    }

    private string? Latest(string stateDirectory, string? clusterFile, DiagnosticBag bag)
    {
        var cluster = clusterFile is null ? null : InventoryLoader.Load(console.FullPath(clusterFile), bag)?.Name;
        return new RunStatusReader(stateDirectory).ListRuns()
            .Where(r => cluster is null || r.Cluster == cluster)
            .OrderBy(r => r.StartedAt)
            .LastOrDefault()?.RunId;
    }
}
