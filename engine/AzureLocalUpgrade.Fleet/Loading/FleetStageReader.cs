using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>Reads the stages of a schema-checked fleet file with their documented defaults (docs/fleets.md).</summary>
internal sealed class FleetStageReader(string file, DiagnosticBag bag)
{
    public IReadOnlyList<FleetStage> Read(IEnumerable<YamlMap> stages)
    {
        var result = new List<FleetStage>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in stages)
        {
            var name = stage.String("name") ?? "";
            if (!names.Add(name) && stage.Scalar("name") is { } nameNode)
            {
                bag.Add(FleetDiagnostics.DuplicateStageName(YamlSpans.Of(file, nameNode), name));
            }

            var groups = stage.List("groups").Select(YamlMap.From).OfType<YamlMap>()
                .Select(g => new LabelSelector(FleetSettingsReader.Labels(g.Map("matchLabels")))).ToList();
            var health = stage.Map("healthCheck");
            result.Add(new FleetStage(
                name,
                groups,
                (int)Math.Clamp(stage.Integer("maxConcurrent") ?? 1, 1, int.MaxValue),
                stage.Integer("maxConcurrentPerSite") is { } perSite ? (int)Math.Clamp(perSite, 1, int.MaxValue) : null,
                ReadBudget(stage),
                ReadSoak(stage),
                stage.Bool("approval") ?? false,
                new FleetHealthCheck(health?.Bool("noDegradedClusters") ?? true))
            {
                Span = YamlSpans.Of(file, stage.Node),
            });
        }

        return result;
    }

    private FailureBudget ReadBudget(YamlMap stage)
    {
        if (stage.Scalar("failureBudget") is not { } node)
        {
            return new FailureBudget(0, null);
        }

        var text = (node.Value ?? "").Trim();
        if (stage.Integer("failureBudget") is { } count && count >= 0 && count <= int.MaxValue)
        {
            return new FailureBudget((int)count, null);
        }

        if (text.EndsWith('%')
            && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 100)
        {
            return new FailureBudget(null, percent);
        }

        bag.Add(FleetDiagnostics.InvalidFailureBudget(YamlSpans.Of(file, node), text));
        return new FailureBudget(0, null);
    }

    private TimeSpan ReadSoak(YamlMap stage)
    {
        if (stage.Scalar("soak") is not { } node)
        {
            return TimeSpan.Zero;
        }

        if (DurationParser.TryParse(node.Value, out var soak))
        {
            return soak;
        }

        bag.Add(FleetDiagnostics.InvalidSoak(YamlSpans.Of(file, node), node.Value ?? ""));
        return TimeSpan.Zero;
    }
}
