using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Maps step lists to <see cref="StepDefinition"/>s, keeping every position and applying the documented defaults.
/// Shape errors were reported by the schema, so a part that does not fit is skipped, not reported twice.
/// </summary>
internal sealed class StepReader(YamlSource source, DiagnosticBag bag)
{
    private static readonly string[] KindKeys = ["powershell", "check", "wait", "manual", "steps", "use"];
    private static readonly string[] GroupOnlyKeys = ["forEach", "strategy", "disruptive"];

    private static readonly TimeSpan DefaultWaitInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromHours(1);
    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(30);

    public IReadOnlyList<StepDefinition> ReadList(IReadOnlyList<YamlNode> items, bool insideForEach)
    {
        var result = new List<StepDefinition>();
        foreach (var item in items)
        {
            if (YamlMap.From(item) is { } map && ReadStep(map, insideForEach) is { } step)
            {
                result.Add(step);
            }
        }

        return result;
    }

    private StepDefinition? ReadStep(YamlMap map, bool insideForEach)
    {
        if (map.Scalar("id") is not { Value: { Length: > 0 } id } idNode)
        {
            return null; // The schema reported the missing id; without one nothing can refer to the step.
        }

        var span = YamlSpans.Of(source.FilePath, map.Node);
        var kinds = KindKeys.Where(map.Has).ToList();
        if (kinds.Count == 0)
        {
            bag.Add(DiagnosticCatalog.StepKindMissing(YamlSpans.Of(source.FilePath, idNode), id, KindKeys));
            return null;
        }

        if (kinds.Count > 1)
        {
            bag.Add(DiagnosticCatalog.StepKindAmbiguous(YamlSpans.Of(source.FilePath, map.KeyNode(kinds[1])!), id, kinds));
        }

        var kind = kinds[0];
        var forEachNode = kind == "steps" && map.String("forEach") == "node";
        if (kind != "steps")
        {
            foreach (var field in GroupOnlyKeys.Where(map.Has))
            {
                bag.Add(DiagnosticCatalog.GroupOnlyField(YamlSpans.Of(source.FilePath, map.KeyNode(field)!), field, id));
            }
        }

        if (kind is "steps" or "use" && map.KeyNode("estimatePerNode") is { } perNode)
        {
            // A group's or fragment call's estimate is computed from its steps, so a per-node share there would be ignored.
            bag.Add(DiagnosticCatalog.PerNodeEstimateNotForKind(YamlSpans.Of(source.FilePath, perNode), id, kind == "steps" ? "group" : "fragment call ('use:')"));
        }

        var bodyInForEach = insideForEach || forEachNode;
        return new StepDefinition(
            Id: id,
            Kind: KindOf(kind),
            Name: Text(map, "name"),
            Description: Text(map, "description"),
            Script: kind == "powershell" ? ReadScript(map.Map("powershell"), insideForEach) : null,
            Check: kind == "check" ? ReadCheck(map.Map("check"), insideForEach) : null,
            Wait: kind == "wait" ? ReadWait(map.Map("wait"), insideForEach) : null,
            Manual: kind == "manual" ? ReadManual(map.Map("manual")) : null,
            Group: kind == "steps" ? ReadGroup(map, forEachNode, bodyInForEach) : null,
            Use: kind == "use" ? new UseOptions(map.String("use") ?? "", ImportReader.ReadWith(source, map.Map("with"))) : null,
            Needs: ReadNeeds(map),
            When: map.Get("when") is { } when ? EmbeddedTextFactory.FromAny(source, when) : null,
            Retry: ReadRetry(map.Map("retry")),
            Timeout: Duration(map, "timeout"),
            Estimate: Duration(map, "estimate"),
            SkipIf: Text(map, "skipIf"),
            Idempotent: map.Bool("idempotent") ?? false,
            OnFailure: ReadList(map.List("onFailure"), bodyInForEach),
            Tags: map.List("tags").OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToList(),
            Span: span,
            IdSpan: YamlSpans.Of(source.FilePath, idNode),
            NeedsWritten: map.Has("needs"),
            Baseline: Text(map, "baseline"),
            EstimatePerNode: Duration(map, "estimatePerNode"));
    }

    private static StepKind KindOf(string key) => key switch
    {
        "powershell" => StepKind.PowerShell,
        "check" => StepKind.Check,
        "wait" => StepKind.Wait,
        "manual" => StepKind.Manual,
        "steps" => StepKind.Group,
        _ => StepKind.Use,
    };

    // Absent `needs` reads as an empty list here; NeedsWritten keeps "absent" apart from "[]" for the ordering rule.
    private static IReadOnlyList<string> ReadNeeds(YamlMap map) =>
        map.List("needs").OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();

    private GroupOptions ReadGroup(YamlMap map, bool forEachNode, bool bodyInForEach)
    {
        var strategyMap = map.Map("strategy");
        var mode = strategyMap?.String("mode") == "parallel" ? StrategyMode.Parallel : StrategyMode.Rolling;
        var maxConcurrent = (int?)strategyMap?.Integer("maxConcurrent") ?? (mode == StrategyMode.Rolling ? 1 : null);
        var strategy = new Strategy(mode, maxConcurrent, (int?)strategyMap?.Integer("maxFailed") ?? 0);
        return new GroupOptions(forEachNode, strategy, map.Bool("disruptive") ?? false, ReadList(map.List("steps"), bodyInForEach));
    }

    private ScriptDefinition ReadScript(YamlMap? body, bool insideForEach)
    {
        var defaultTarget = insideForEach ? TargetKind.Node : TargetKind.Cluster;
        var target = body?.String("on") switch
        {
            "orchestrator" => TargetKind.Orchestrator,
            "node" => TargetKind.Node,
            "cluster" => TargetKind.Cluster,
            _ => (TargetKind?)null,
        };
        return new ScriptDefinition(target ?? defaultTarget, Text(body, "script") ?? EmbeddedText.Synthetic(""), target is null);
    }

    private ManualOptions ReadManual(YamlMap? body) =>
        new(Text(body, "instructions") ?? EmbeddedText.Synthetic(""), Text(body, "rehearse"));

    private CheckOptions ReadCheck(YamlMap? body, bool insideForEach) =>
        new(ReadScript(body, insideForEach), Text(body, "message"), body?.String("severity") == "warning" ? Severity.Warning : Severity.Error);

    private WaitOptions ReadWait(YamlMap? body, bool insideForEach) =>
        new(ReadScript(body, insideForEach), Duration(body, "interval") ?? DefaultWaitInterval, Duration(body, "timeout") ?? DefaultWaitTimeout, Text(body, "message"));

    private RetryPolicy? ReadRetry(YamlMap? body) =>
        body is null ? null : new RetryPolicy((int)Math.Clamp(body.Integer("attempts") ?? 1, 1, 100), Duration(body, "delay") ?? DefaultRetryDelay, body.Number("backoff") ?? 1);

    private EmbeddedText? Text(YamlMap? map, string key) =>
        map?.Scalar(key) is { } scalar ? EmbeddedTextFactory.Create(source, scalar) : null;

    private TimeSpan? Duration(YamlMap? map, string key)
    {
        if (map?.Scalar(key) is not { } scalar)
        {
            return null;
        }

        if (DurationParser.TryParse(scalar.Value, out var duration))
        {
            return duration;
        }

        bag.Add(DiagnosticCatalog.InvalidDuration(YamlSpans.Of(source.FilePath, scalar), scalar.Value ?? ""));
        return null;
    }
}
