using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Model;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// Reads the settings blocks of a schema-checked fleet file (defaults, a label rule, a cluster entry) and checks each
/// time zone and window where it is written, so a mistake is reported once, at its own line.
/// </summary>
internal sealed class FleetSettingsReader(string file, DiagnosticBag bag)
{
    public FleetSettings Read(YamlMap? block)
    {
        if (block is null)
        {
            return FleetSettings.Empty;
        }

        var timeZone = block.Scalar("timeZone");
        if (timeZone is not null && !TimeZoneResolver.TryFind(timeZone.Value, out _, out var zoneError))
        {
            bag.Add(FleetDiagnostics.UnknownTimeZone(YamlSpans.Of(file, timeZone), zoneError));
        }

        IReadOnlyList<string>? windows = null;
        if (block.Has("windows"))
        {
            var scalars = block.List("windows").OfType<YamlScalarNode>().ToList();
            foreach (var window in scalars)
            {
                // Checked in UTC here: the zone cannot make a window valid or not, and it is checked on its own line.
                if (!MaintenanceWindowParser.TryParse(window.Value ?? "", null, out var parsed, out var windowError))
                {
                    bag.Add(FleetDiagnostics.InvalidWindow(YamlSpans.Of(file, window), windowError));
                }
                else if (parsed is not WeeklyWindow)
                {
                    bag.Add(FleetDiagnostics.InvalidWindow(YamlSpans.Of(file, window),
                        $"'{EchoText.Short(window.Value)}' is a one-off window; a fleet's windows recur weekly"));
                }
            }

            windows = scalars.Select(w => w.Value ?? "").ToList();
        }

        var parameters = new Dictionary<string, (string, SourceSpan)>(StringComparer.Ordinal);
        if (block.Map("parameters") is { } map)
        {
            foreach (var (key, value) in map.Node.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode scalar)
                {
                    parameters[name] = (scalar.Value ?? "", YamlSpans.Of(file, scalar));
                }
            }
        }

        return new FleetSettings(ReadRunbook(block.Get("runbook")), timeZone?.Value, windows, parameters);
    }

    public static IReadOnlyDictionary<string, string> Labels(YamlMap? map) =>
        map is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : map.Node.Children
                .Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);

    private RunbookChoice? ReadRunbook(YamlNode? node)
    {
        switch (node)
        {
            case YamlScalarNode named:
                return new RunbookChoice(named.Value, null, []) { Span = YamlSpans.Of(file, named) };
            case YamlMappingNode choice when YamlMap.From(choice)!.Map("select") is { } select:
                var prefer = select.List("prefer").OfType<YamlScalarNode>().Select(p => (p.Value ?? "").ToLowerInvariant()).ToList();
                return new RunbookChoice(null, select.String("target")?.ToUpperInvariant(), prefer) { Span = YamlSpans.Of(file, choice) };
            default:
                return null;
        }
    }
}
