using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// The settings a cluster takes from the defaults, the label rules and its own entry (runbook, time zone, windows,
/// parameters); a null member means "not said here". Layers are merged in that order, a later layer winning, and
/// parameters merged by name.
/// </summary>
internal sealed record FleetSettings(
    RunbookChoice? Runbook,
    string? TimeZone,
    IReadOnlyList<string>? Windows,
    IReadOnlyDictionary<string, (string Value, SourceSpan Span)> Parameters)
{
    public static readonly FleetSettings Empty = new(null, null, null, new Dictionary<string, (string, SourceSpan)>(StringComparer.Ordinal));

    /// <summary>These settings with <paramref name="over"/> on top.</summary>
    public FleetSettings With(FleetSettings over)
    {
        var parameters = new Dictionary<string, (string, SourceSpan)>(Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in over.Parameters)
        {
            parameters[name] = value;
        }

        return new FleetSettings(over.Runbook ?? Runbook, over.TimeZone ?? TimeZone, over.Windows ?? Windows, parameters);
    }
}

/// <summary>A label rule: settings for the clusters whose labels include every pair of <see cref="Match"/>.</summary>
internal sealed record FleetLabelRule(LabelSelector Match, FleetSettings Settings);
