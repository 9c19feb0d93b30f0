namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>One cluster of a stage waiting for its slot on the calendar.</summary>
internal sealed record CalendarEntry(string Name, string Site, ClusterPlacement Placement);

/// <summary>A cluster's place on the calendar.</summary>
internal sealed record CalendarSlot(string Name, Placement Placement);

/// <summary>
/// The fleet calendar, stage by stage: each cluster, in fleet order, takes the earliest start (the stage's start,
/// or the moment another cluster of the stage finishes) at which its whole run keeps the stage within
/// maxConcurrent and its site within maxConcurrentPerSite. A run spanning several openings holds its slot
/// throughout: the fleet engine counts a paused run as in progress. Deterministic: no clock, no hashing order.
/// </summary>
internal static class FleetCalendar
{
    public static IReadOnlyList<CalendarSlot> PlaceStage(IReadOnlyList<CalendarEntry> entries, DateTimeOffset notBefore, int maxConcurrent, int? maxPerSite)
    {
        var placed = new List<(CalendarEntry Entry, Placement Placement)>();
        foreach (var entry in entries)
        {
            var candidates = new SortedSet<DateTimeOffset>(placed.Select(p => p.Placement.End).Where(e => e > notBefore)) { notBefore };
            foreach (var candidate in candidates)
            {
                var placement = entry.Placement.From(candidate);
                if (Allowed(placement, placed, maxConcurrent, _ => true)
                    && (maxPerSite is not { } siteLimit || Allowed(placement, placed, siteLimit, p => string.Equals(p.Site, entry.Site, StringComparison.Ordinal))))
                {
                    placed.Add((entry, placement));
                    break;
                }
            }
        }

        return [.. placed.Select(p => new CalendarSlot(p.Entry.Name, p.Placement))];
    }

    // The most runs at once during [start, end) among those counted, checked at every start inside the interval.
    private static bool Allowed(Placement candidate, List<(CalendarEntry Entry, Placement Placement)> placed, int limit, Func<CalendarEntry, bool> counts)
    {
        var overlapping = placed.Where(p => counts(p.Entry) && p.Placement.Start < candidate.End && candidate.Start < p.Placement.End)
            .Select(p => p.Placement).ToList();
        if (overlapping.Count < limit)
        {
            return true;
        }

        var points = overlapping.Select(p => p.Start).Where(s => s > candidate.Start).Append(candidate.Start);
        return points.All(point => overlapping.Count(p => p.Start <= point && point < p.End) < limit);
    }
}
