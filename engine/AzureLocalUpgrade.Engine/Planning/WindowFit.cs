using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>One disruptive node group placed on the calendar: when it would start and end, and in which opening.</summary>
/// <param name="InFirstOpening">False when the group must wait for a later opening of the window.</param>
public sealed record WindowFitRow(string GroupId, string? Node, DateTimeOffset Start, DateTimeOffset End, bool InFirstOpening, bool Fits);

/// <summary>
/// <c>alu plan --window</c>: which node groups fit in the maintenance window. Walks the graph in order from the
/// first opening at or after <c>start</c>, advancing by the estimates, and applies the executor's own rule
/// (<see cref="MaintenanceWindow.Decide"/>): a disruptive group starts only if its estimate fits in what is left,
/// otherwise it moves to the next opening long enough. An estimate is a forecast, so the table is one too; the
/// run itself decides again with the real clock.
/// </summary>
public static class WindowFit
{
    public static IReadOnlyList<WindowFitRow> Place(StepGraph graph, MaintenanceWindow window, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(window);
        var first = window.CurrentOrNext(start);
        var cursor = first is { } opening && opening.Start > start ? opening.Start : start;
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<WindowFitRow>();
        foreach (var step in graph.Steps.Where(s => s.SkippedReason is null))
        {
            var parent = DisruptiveForEachOf(graph, step);
            if (parent is null)
            {
                cursor += InsideDisruptiveGroup(graph, step) ? TimeSpan.Zero : step.Estimate;
            }
            else if (placed.Add(parent.Id))
            {
                cursor = PlaceInstances(graph, parent, window, first, cursor, rows);
            }
        }

        return rows;
    }

    public static string RenderText(IReadOnlyList<WindowFitRow> rows, MaintenanceWindow window, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nMaintenance window: {window.Description}, planned from {start:yyyy-MM-dd HH:mm zzz}\n");
        if (rows.Count == 0)
        {
            text.Append("  No disruptive node group: the window does not constrain this runbook.\n");
            return text.ToString();
        }

        var width = rows.Max(r => r.GroupId.Length);
        foreach (var row in rows)
        {
            var when = $"{row.Start:yyyy-MM-dd HH:mm} -> {row.End:HH:mm}";
            var verdict = !row.Fits ? "never fits: the estimate is longer than any opening" : row.InFirstOpening ? "fits" : "next opening";
            text.Append(CultureInfo.InvariantCulture, $"  {row.GroupId.PadRight(width)}  {when}  {verdict}\n");
        }

        var inFirst = rows.Count(r => r.Fits && r.InFirstOpening);
        text.Append(CultureInfo.InvariantCulture, $"{inFirst} of {rows.Count} node group(s) fit in the first opening; the run pauses (exit 3) before the others and `alu resume` continues in a later opening.\n");
        return text.ToString();
    }

    private static DateTimeOffset PlaceInstances(StepGraph graph, GraphGroup parent, MaintenanceWindow window, WindowOpening? first, DateTimeOffset cursor, List<WindowFitRow> rows)
    {
        var concurrency = parent.Strategy is { Mode: StrategyMode.Parallel } parallel ? parallel.MaxConcurrent ?? parent.InstanceIds.Count : parent.Strategy?.MaxConcurrent ?? 1;
        foreach (var round in parent.InstanceIds.Chunk(Math.Max(1, concurrency)))
        {
            var instances = round.Select(graph.Group).ToList();
            var longest = instances.Max(i => i.Estimate);
            var decision = window.Decide(cursor, longest);
            var fits = decision.MayStart || decision.NextFitting is not null;
            if (!decision.MayStart && decision.NextFitting is { } next)
            {
                cursor = next.Start;
            }

            var inFirst = fits && first is { } opening && opening.Contains(cursor);
            rows.AddRange(instances.Select(i => new WindowFitRow(i.Id, i.Node, cursor, cursor + i.Estimate, inFirst, fits)));
            cursor += longest;
        }

        return cursor;
    }

    private static GraphGroup? DisruptiveForEachOf(StepGraph graph, GraphStep step) =>
        graph.AncestorsOf(step)
            .Select(g => g.ForEachParentId is { } parentId ? graph.Group(parentId) : g)
            .FirstOrDefault(g => g.IsForEachParent && g.Disruptive);

    private static bool InsideDisruptiveGroup(StepGraph graph, GraphStep step) => graph.AncestorsOf(step).Any(g => g.Disruptive);
}
