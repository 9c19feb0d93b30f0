using System.Globalization;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>Where one cluster's run would lie if allowed to start at a given instant.</summary>
/// <param name="Fits">False when a disruptive node group is longer than every opening of the cluster's windows.</param>
internal sealed record Placement(DateTimeOffset Start, DateTimeOffset End, WindowOpening? Opening, int Openings, bool Fits);

/// <summary>
/// Places one cluster's run on the calendar from an instant, with the single-cluster executor's own window rule
/// (<see cref="WindowFit"/>): a disruptive node group starts only if its estimate fits in what is left of the
/// opening, else it waits for the next one long enough. The run is counted from the opening its first disruptive
/// group runs in (the checks before it take minutes) to the later of its critical path and its last group's end.
/// Results are remembered per opening: every instant before the same opening places the run the same way.
/// </summary>
internal sealed class ClusterPlacement(StepGraph graph, TimeSpan estimate, MaintenanceWindow? window, TimeZoneInfo zone)
{
    private readonly Dictionary<DateTimeOffset, Placement> _byStart = [];

    public TimeZoneInfo Zone => zone;

    public Placement From(DateTimeOffset earliest)
    {
        if (window is null)
        {
            return new Placement(earliest, earliest + estimate, null, 0, true);
        }

        var first = window.CurrentOrNext(earliest);
        var key = first is { } opening && opening.Start > earliest ? opening.Start : earliest;
        if (!_byStart.TryGetValue(key, out var placement))
        {
            placement = Place(key);
            _byStart[key] = placement;
        }

        return placement;
    }

    private Placement Place(DateTimeOffset start)
    {
        var rows = WindowFit.Place(graph, window!, start);
        if (rows.Count == 0)
        {
            return new Placement(start, start + estimate, window!.CurrentOrNext(start), 1, true);
        }

        var firstRow = rows[0].Start;
        var opening = window!.CurrentOrNext(firstRow);
        var begin = opening is { } o && o.Start > start ? o.Start : start;
        var end = rows.Max(r => r.End);
        if (begin + estimate > end)
        {
            end = begin + estimate;
        }

        var openings = rows.Select(r => window.CurrentOrNext(r.Start)?.Start).Distinct().Count();
        return new Placement(begin, end, opening, openings, rows.All(r => r.Fits));
    }

    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
