using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>One piece of disruptive work placed on the calendar: when it would start and end, and in which opening.</summary>
/// <param name="GroupId">The node group instance, disruptive group or disruptive step (<see cref="WindowUnit.Id"/>).</param>
/// <param name="Opening">The opening it falls in; null when it never fits.</param>
/// <param name="OpeningNumber">1 for the first opening at or after the plan's start, 2 for the next, ...; 0 when it never fits.</param>
public sealed record WindowFitRow(string GroupId, string? Node, WindowUnitKind Kind, DateTimeOffset Start, DateTimeOffset End, WindowOpening? Opening, int OpeningNumber)
{
    public bool Fits => Opening is not null;

    public bool InFirstOpening => OpeningNumber == 1;
}

/// <param name="End">When the last step would end, disruptive or not.</param>
public sealed record WindowForecast(IReadOnlyList<WindowFitRow> Rows, DateTimeOffset End)
{
    /// <summary>How many distinct openings the disruptive work uses.</summary>
    public int Openings => Rows.Where(r => r.Fits).Select(r => r.OpeningNumber).Distinct().Count();
}

/// <summary>
/// <c>alu plan --window</c>: where every piece of disruptive work (<see cref="WindowUnits"/>: node groups, disruptive
/// groups, CAU runs and other steps that take something down) falls on the calendar. Walks the graph in order from
/// <c>start</c>, advancing by the estimates (a forEach group by rounds of its concurrency), and applies the executor's
/// own rule (<see cref="MaintenanceWindow.Decide"/>): disruptive work starts only if its estimate fits in what is left
/// of the opening, otherwise it moves to the next opening long enough. An estimate is a forecast, so the table is one
/// too; the run itself decides again with the real clock.
/// </summary>
public static class WindowFit
{
    public static IReadOnlyList<WindowFitRow> Place(StepGraph graph, MaintenanceWindow window, DateTimeOffset start) =>
        Forecast(graph, window, start).Rows;

    /// <summary>The placed rows and when the whole run would end (the walk's clock after the last step).</summary>
    public static WindowForecast Forecast(StepGraph graph, MaintenanceWindow window, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(window);
        var calendar = new Calendar(window, start);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in graph.Steps.Where(s => s.SkippedReason is null))
        {
            var unit = WindowUnits.UnitOf(graph, step);
            // A forEach inside a disruptive group is already part of the group's estimate: the group is placed whole.
            var forEach = unit is { Kind: WindowUnitKind.Group } ? null : ForEachParentOf(graph, step);
            if (forEach is not null)
            {
                if (placed.Add(forEach.Id))
                {
                    PlaceForEach(graph, forEach, calendar);
                }
            }
            else if (unit is null)
            {
                calendar.Cursor += WalkTime(step);
            }
            else if (placed.Add(unit.Id))
            {
                if (unit.PerNode is { } share)
                {
                    calendar.PlaceNodeByNode(unit, share);
                }
                else
                {
                    calendar.Place(unit);
                }
            }
        }

        return new WindowForecast(calendar.Rows, calendar.Cursor);
    }

    /// <summary>
    /// A run a window schedules is unattended, so its gates are approved in advance (--approve) and pass at once: a
    /// gate's default estimate, a person's time to answer, is left out. A gate whose runbook writes an estimate counts
    /// it, since that is the work behind the gate (the further updates' CAU run).
    /// </summary>
    private static TimeSpan WalkTime(GraphStep step) =>
        step.Kind == StepKind.Manual && !step.HasExplicitEstimate ? TimeSpan.Zero : step.Estimate;

    private static void PlaceForEach(StepGraph graph, GraphGroup parent, Calendar calendar)
    {
        var concurrency = parent.Strategy is { Mode: StrategyMode.Parallel } parallel ? parallel.MaxConcurrent ?? parent.InstanceIds.Count : parent.Strategy?.MaxConcurrent ?? 1;
        var instances = parent.InstanceIds.Select(graph.Group).Where(i => i.StepIds.Any(id => graph.TryGetStep(id, out var s) && s!.SkippedReason is null));
        foreach (var round in instances.Chunk(Math.Max(1, concurrency)))
        {
            var units = round.Select(i => i.StepIds.Select(id => graph.TryGetStep(id, out var s) ? s : null).OfType<GraphStep>()
                .Where(s => s.SkippedReason is null).Select(s => WindowUnits.UnitOf(graph, s)).FirstOrDefault(u => u?.Kind == WindowUnitKind.NodeGroup)).ToList();
            var longest = round.Max(i => i.Estimate);
            if (units.All(u => u is null))
            {
                calendar.Cursor += longest;
                continue;
            }

            calendar.PlaceRound(units.OfType<WindowUnit>().ToList(), longest);
        }
    }

    private static GraphGroup? ForEachParentOf(StepGraph graph, GraphStep step) =>
        graph.AncestorsOf(step).Where(g => g.ForEachParentId is not null).Select(g => graph.Group(g.ForEachParentId!)).LastOrDefault();

    /// <summary>The walk's clock and the openings it has used, numbered from the first at or after the start.</summary>
    private sealed class Calendar(MaintenanceWindow window, DateTimeOffset start)
    {
        private readonly WindowOpening? _first = window.CurrentOrNext(start);

        public DateTimeOffset Cursor { get; set; } = start;

        public List<WindowFitRow> Rows { get; } = [];

        public void Place(WindowUnit unit) => PlaceRound([unit], unit.Estimate);

        public void PlaceRound(IReadOnlyList<WindowUnit> units, TimeSpan longest)
        {
            var decision = window.Decide(Cursor, longest);
            var opening = decision.MayStart ? decision.Current : decision.NextFitting;
            if (!decision.MayStart && decision.NextFitting is { } next)
            {
                Cursor = next.Start;
            }

            var number = opening is { } o ? Number(o) : 0;
            Rows.AddRange(units.Select(u => new WindowFitRow(u.Id, u.Node, u.Kind, Cursor, Cursor + u.Estimate, opening, number)));
            Cursor += longest;
        }

        /// <summary>
        /// A CAU run bounded to the opening's end (-StopAfter): it starts when its fixed part and one node fit, then
        /// takes node after node while the opening lasts (CAU cancels between nodes, so a node begun before the end
        /// finishes after it). A run that ends at or after the opening's end pauses the run until the next opening,
        /// where a new CAU run updates the nodes left (or, with none left, the step's guard skips it).
        /// </summary>
        public void PlaceNodeByNode(WindowUnit unit, PerNodeEstimate share)
        {
            var fixedPart = unit.Estimate - share.Total;
            var left = share.Nodes;
            while (left > 0)
            {
                var decision = window.Decide(Cursor, unit.Admission);
                var opening = decision.MayStart ? decision.Current : decision.NextFitting;
                if (!decision.MayStart && decision.NextFitting is { } next)
                {
                    Cursor = next.Start;
                }

                if (opening is not { } current)
                {
                    Rows.Add(new WindowFitRow(unit.Id, unit.Node, unit.Kind, Cursor, Cursor + fixedPart + share.Each * left, null, 0));
                    Cursor += fixedPart + share.Each * left;
                    return;
                }

                var start = Cursor;
                Cursor += fixedPart;
                do
                {
                    Cursor += share.Each;
                    left--;
                }
                while (left > 0 && Cursor < current.End);

                Rows.Add(new WindowFitRow(unit.Id, unit.Node, unit.Kind, start, Cursor, current, Number(current)));
                if (left == 0 && Cursor >= current.End)
                {
                    // Done, but past the end: the run pauses until the next opening, where the guard skips the step.
                    if (window.CurrentOrNext(Cursor) is { } resume)
                    {
                        Cursor = resume.Start;
                        Rows.Add(new WindowFitRow(unit.Id, unit.Node, unit.Kind, Cursor, Cursor, resume, Number(resume)));
                    }
                }
            }
        }

        private int Number(WindowOpening opening)
        {
            var number = 1;
            for (var o = _first; o is { } current && current.Start < opening.Start; o = window.CurrentOrNext(current.End))
            {
                number++;
            }

            return number;
        }
    }
}
