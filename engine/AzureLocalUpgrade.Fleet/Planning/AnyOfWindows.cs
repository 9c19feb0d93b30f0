using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>
/// A cluster's windows taken together: the opening that contains an instant (the one lasting longest when two do),
/// else the one that starts first. The single-cluster engine takes one window; a fleet cluster may have several
/// (a weekend window and a mid-week night).
/// </summary>
internal sealed class AnyOfWindows(IReadOnlyList<MaintenanceWindow> windows) : MaintenanceWindow
{
    public override string Description => string.Join(", ", windows.Select(w => w.Description));

    public override WindowOpening? CurrentOrNext(DateTimeOffset instant)
    {
        WindowOpening? best = null;
        foreach (var opening in windows.Select(w => w.CurrentOrNext(instant)).OfType<WindowOpening>())
        {
            var start = opening.Contains(instant) ? instant : opening.Start;
            var bestStart = best is { } b ? (b.Contains(instant) ? instant : b.Start) : DateTimeOffset.MaxValue;
            if (start < bestStart || (start == bestStart && opening.End > best!.Value.End))
            {
                best = opening;
            }
        }

        return best;
    }
}
