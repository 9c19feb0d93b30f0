using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// A cluster with several windows (a fleet file may give "Sat 22:00-Sun 06:00" and "Wed 01:00-05:00"): work may
/// start in whichever of them opens first. The single-cluster engine takes one window; this is that one.
/// </summary>
internal sealed class CombinedWindow(IReadOnlyList<MaintenanceWindow> windows) : MaintenanceWindow
{
    public override string Description { get; } = string.Join(" or ", windows.Select(w => w.Description));

    public override WindowOpening? CurrentOrNext(DateTimeOffset instant) =>
        windows.Select(w => w.CurrentOrNext(instant))
            .Where(o => o is not null)
            .OrderBy(o => o!.Value.Contains(instant) ? DateTimeOffset.MinValue : o!.Value.Start)
            .FirstOrDefault();
}
