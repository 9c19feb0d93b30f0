using System.Globalization;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// The live display as a function of what the events told so far (<see cref="RunProgress"/>) and the run's outline:
/// steps done of total, elapsed and ETA on the run's clock, a grid of nodes (four to a row, so 16 nodes take four
/// lines), the step running on each target, and the last notices, a repeated one once with its count. The end
/// summary is one row per node, not per step.
/// </summary>
internal static class LiveProgressView
{
    private const int GridColumns = 4;

    public static IRenderable Render(RunProgress progress, RunOutline outline)
    {
        var parts = new List<IRenderable> { Header(progress, outline) };
        if (outline.Nodes.Count > 0)
        {
            parts.Add(NodeGrid(progress, outline));
        }

        var running = new Table().Border(TableBorder.Simple).AddColumn("target").AddColumn("running step").AddColumn("since");
        foreach (var row in progress.Running.OrderBy(r => r.Target, StringComparer.Ordinal))
        {
            running.AddRow(new Text(row.Target ?? ""), new Text(row.StepId), new Text(row.StartedAt is { } at ? at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : ""));
        }

        parts.Add(running);
        parts.AddRange(progress.Notices.Select(NoticeLine));
        return new Rows(parts);
    }

    /// <summary>One row per node (and one for steps on no node): steps done, skipped, failed and the time they took.</summary>
    public static IRenderable Summary(RunProgress progress, RunOutline outline)
    {
        var table = new Table().Title(new TableTitle($"Run {progress.RunId}", Style.Plain))
            .AddColumn("node").AddColumn(new TableColumn("done").RightAligned()).AddColumn(new TableColumn("skipped").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("not run").RightAligned()).AddColumn(new TableColumn("time").RightAligned());
        var byNode = progress.Rows.GroupBy(r => RunOutline.NodeOf(r.StepId, NodeOfTarget(r.Target)) ?? "(cluster, orchestrator)")
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var order = outline.Nodes.Where(byNode.ContainsKey).Concat(byNode.Keys.Where(k => !outline.Nodes.Contains(k)).Order(StringComparer.Ordinal));
        foreach (var node in order)
        {
            var rows = byNode[node];
            var failed = rows.Count(r => r.Status == StepStatus.Failed);
            table.AddRow(
                new Text(node),
                new Text(Count(rows, StepStatus.Succeeded)),
                new Text(Count(rows, StepStatus.Skipped)),
                new Text(failed.ToString(CultureInfo.InvariantCulture), failed > 0 ? new Style(Color.Red) : Style.Plain),
                new Text(rows.Count(r => r.Status is not (StepStatus.Succeeded or StepStatus.Skipped or StepStatus.Failed)).ToString(CultureInfo.InvariantCulture)),
                new Text(Duration(rows.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r.Duration ?? TimeSpan.Zero)))));
        }

        return table;
    }

    private static Text Header(RunProgress progress, RunOutline outline)
    {
        var total = outline.TotalSteps > 0 ? $" of {outline.TotalSteps}" : "";
        var text = $"{progress.Headline ?? "starting"}\n{progress.Completed}{total} steps done" + (progress.Failed > 0 ? $", {progress.Failed} failed" : "");
        if (progress.StartedAt is { } started && progress.LatestAt is { } latest)
        {
            text += $" - elapsed {Duration(latest - started)}";
        }

        if (outline.TotalSteps > 0)
        {
            var done = progress.Rows.Where(r => IsDone(r.Status)).Select(r => r.StepId).ToHashSet(StringComparer.Ordinal);
            var left = outline.Estimates.Where(e => !done.Contains(e.Key)).Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Value);
            text += $" - ETA {Duration(left)} by the estimates";
        }

        return new Text(text, new Style(decoration: Decoration.Bold));
    }

    private static Grid NodeGrid(RunProgress progress, RunOutline outline)
    {
        var columns = Math.Min(GridColumns, outline.Nodes.Count);
        var grid = new Grid();
        for (var i = 0; i < columns; i++)
        {
            grid.AddColumn(new GridColumn().PadRight(3));
        }

        var rows = progress.Rows.ToList();
        foreach (var line in outline.Nodes.Chunk(columns))
        {
            var cells = line.Select(node => (IRenderable)NodeCell(node, rows, outline)).ToList();
            while (cells.Count < columns)
            {
                cells.Add(new Text(""));
            }

            grid.AddRow([.. cells]);
        }

        return grid;
    }

    private static Text NodeCell(string node, List<RunProgress.StepRow> rows, RunOutline outline)
    {
        var mine = rows.Where(r => (RunOutline.NodeOf(r.StepId, NodeOfTarget(r.Target)) ?? "") == node).ToList();
        var total = outline.NodeOfStep.Count(kv => kv.Value == node);
        var done = mine.Count(r => IsDone(r.Status));
        var (state, style) = mine.Any(r => r.Status == StepStatus.Failed) ? ("failed", new Style(Color.Red))
            : mine.FirstOrDefault(r => r.Status == StepStatus.Running) is { } running ? (ShortName(running.StepId), new Style(Color.Yellow))
            : mine.Any(r => r.Status == StepStatus.WaitingForApproval) ? ("waits for approval", new Style(Color.Yellow))
            : total > 0 && done >= total ? ("done", new Style(Color.Green))
            : done == 0 ? ("pending", Style.Plain)
            : ("between steps", Style.Plain);
        return new Text($"{node} {done}/{total} {state}", style);
    }

    private static string ShortName(string stepId)
    {
        var slash = stepId.LastIndexOf("]/", StringComparison.Ordinal);
        return slash < 0 ? stepId : stepId[(slash + 2)..];
    }

    private static string? NodeOfTarget(string? target) =>
        target is not null && target.StartsWith("node ", StringComparison.Ordinal) ? target[5..] : null;

    private static bool IsDone(StepStatus status) => status is StepStatus.Succeeded or StepStatus.Skipped or StepStatus.Failed or StepStatus.NotRun;

    private static string Count(List<RunProgress.StepRow> rows, StepStatus status) =>
        rows.Count(r => r.Status == status).ToString(CultureInfo.InvariantCulture);

    internal static Text NoticeLine(RunProgress.Notice notice)
    {
        var times = notice.Count > 1 ? $" (× {notice.Count} nodes)" : "";
        return notice.Level switch
        {
            RunProgress.NoticeLevel.Error => new Text("error: " + notice.Text + times, new Style(Color.Red)),
            RunProgress.NoticeLevel.Warning => new Text("warning: " + notice.Text + times, new Style(Color.Yellow)),
            _ => new Text(notice.Text + times),
        };
    }

    /// <summary>The one duration format alu shows a person (<see cref="DurationText"/>).</summary>
    internal static string Duration(TimeSpan span) => DurationText.Of(span);
}
