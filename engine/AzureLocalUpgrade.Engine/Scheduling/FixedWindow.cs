namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>One explicit opening: <c>2026-11-28T22:00/2026-11-29T06:00</c>.</summary>
public sealed class FixedWindow(WindowOpening opening, string description) : MaintenanceWindow
{
    public override string Description => description;

    public override WindowOpening? CurrentOrNext(DateTimeOffset instant) => opening.End > instant ? opening : null;
}
