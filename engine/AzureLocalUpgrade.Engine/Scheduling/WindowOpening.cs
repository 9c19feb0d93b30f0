namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>One concrete opening of a maintenance window, in UTC.</summary>
public readonly record struct WindowOpening(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public TimeSpan RemainingAt(DateTimeOffset instant) => Contains(instant) ? End - instant : TimeSpan.Zero;
}
