using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Status;

/// <summary><c>alu status</c> for people: alu's tables (Output.Tables: ASCII borders off a terminal), no colour, so it also reads well in a log.</summary>
public static class StatusText
{
    public static string Runs(IReadOnlyList<RunSummary> runs, bool terminal = false)
    {
        if (runs.Count == 0)
        {
            return "No runs yet.\n";
        }

        var rows = runs.Select(r => new[] { r.RunId, r.Cluster, r.Runbook, r.State.ToString(), r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-", r.Detail ?? "" });
        return Table(["RUN", "CLUSTER", "RUNBOOK", "STATE", "EXIT", "DETAIL"], rows, terminal);
    }

    public static string Run(RunDetail detail, SimulationSnapshot? simulation, bool terminal = false)
    {
        var text = new StringBuilder();
        var run = detail.Summary;
        text.Append(CultureInfo.InvariantCulture, $"Run {run.RunId} on {run.Cluster}: {run.State}{(run.ExitCode is { } code ? $" (exit {code})" : "")}\n");
        if (run.Detail is not null)
        {
            text.Append(run.Detail).Append('\n');
        }

        text.Append('\n').Append(Table(["STEP", "TARGET", "STATUS", "ATTEMPTS", "DURATION", "WHY"],
            detail.Steps.Select(s => new[]
            {
                s.StepId, s.Target ?? "", s.Status.ToString(), s.Attempts.ToString(CultureInfo.InvariantCulture),
                s.Duration is { } duration ? Engine.Text.DurationText.Of(duration) : "", Why(s),
            }), terminal));
        foreach (var leftover in detail.Leftovers)
        {
            text.Append("left over: ").Append(leftover).Append('\n');
        }

        if (simulation is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nSimulated cluster {simulation.ClusterName} at {simulation.Now:u} (most nodes down at once: {simulation.MaxNodesDownAtOnce})\n");
            text.Append(Table(["NODE", "BUILD", "STATE", "DRAINS", "REBOOTS", "FEATURE UPDATES"],
                simulation.Nodes.Select(n => new[] { n.Name, n.Build.ToString(), n.State.ToString(), Count(n.Drains), Count(n.Reboots), Count(n.FeatureUpdatesApplied) }), terminal));
        }

        return text.ToString();
    }

    internal static string Table(string[] headers, IEnumerable<string[]> rows, bool terminal = false) =>
        Output.Tables.Render(terminal, headers, rows);

    // Only a step that did not simply succeed needs a reason beside it; one line, so the table stays a table.
    private static string Why(RunStepRow step) =>
        step.Status is StepStatus.Succeeded or StepStatus.Running || step.Message is null
            ? ""
            : step.Message.ReplaceLineEndings(" ").Trim() is var line && line.Length > 100 ? line[..100] + "…" : step.Message.ReplaceLineEndings(" ").Trim();

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
