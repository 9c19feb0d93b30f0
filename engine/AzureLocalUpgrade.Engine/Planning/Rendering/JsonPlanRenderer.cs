using AzureLocalUpgrade.Engine.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>
/// The machine-readable plan (schemas/plan.v1.json); also the saved plan (<c>--out</c>). Written by hand with a
/// fixed property order, '\n' line ends and sorted maps, so the same plan always gives the same bytes.
/// Secrets are never written: their names are listed and their values are re-supplied at run time.
/// </summary>
public sealed class JsonPlanRenderer : IPlanRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public string Render(Plan plan) => Encoding.UTF8.GetString(RenderBytes(plan));

    public static byte[] RenderBytes(Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WritePlan(json, plan);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WritePlan(Utf8JsonWriter json, Plan plan)
    {
        json.WriteStartObject();
        json.WriteNumber("formatVersion", plan.FormatVersion);
        json.WriteString("kind", "Plan");
        WriteRunbook(json, plan.Runbook);
        WriteCluster(json, plan.Cluster);
        json.WriteStartObject("parameters");
        foreach (var parameter in plan.Parameters)
        {
            WriteValue(json, parameter.Name, parameter.IsSecret ? SecretValue.Mask : parameter.Value);
        }

        json.WriteEndObject();
        WriteStrings(json, "secretParameters", plan.SecretParameterNames);
        WriteMap(json, "sourceHashes", plan.SourceHashes);
        WriteMap(json, "inventoryFingerprint", plan.InventoryFacts);
        WriteEstimates(json, plan.Estimates);
        WriteCounts(json, plan.Counts);
        json.WriteStartArray("items");
        plan.Items.ToList().ForEach(item => WriteItem(json, item));
        json.WriteEndArray();
        json.WriteStartArray("steps");
        plan.Steps.ToList().ForEach(step => WriteStep(json, step));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRunbook(Utf8JsonWriter json, PlanRunbook runbook)
    {
        json.WriteStartObject("runbook");
        json.WriteString("name", runbook.Name);
        json.WriteString("version", runbook.Version);
        WriteNullable(json, "method", runbook.Method);
        if (runbook.UpgradeFrom is null)
        {
            json.WriteNull("upgrade");
        }
        else
        {
            json.WriteStartObject("upgrade");
            json.WriteString("from", runbook.UpgradeFrom);
            WriteNullable(json, "to", runbook.UpgradeTo);
            json.WriteEndObject();
        }

        json.WriteString("path", runbook.Path);
        json.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter json, PlanCluster cluster)
    {
        json.WriteStartObject("cluster");
        json.WriteString("name", cluster.Name);
        json.WriteBoolean("simulated", cluster.Simulated);
        json.WriteString("inventoryPath", cluster.InventoryPath);
        json.WriteStartArray("nodes");
        foreach (var node in cluster.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("build", node.Build);
            json.WriteString("release", node.Release);
            WriteNullable(json, "site", node.Site);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEstimates(Utf8JsonWriter json, PlanEstimates estimates)
    {
        json.WriteStartObject("estimates");
        json.WriteNumber("criticalPathSeconds", (long)estimates.CriticalPath.TotalSeconds);
        json.WriteString("criticalPath", DurationParser.Format(estimates.CriticalPath));
        WriteStrings(json, "criticalPathSteps", estimates.CriticalPathSteps);
        json.WriteNumber("serialWorkSeconds", (long)estimates.SerialWork.TotalSeconds);
        json.WriteString("serialWork", DurationParser.Format(estimates.SerialWork));
        json.WriteNumber("defaultedEstimates", estimates.DefaultedEstimates);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, PlanCounts counts)
    {
        json.WriteStartObject("counts");
        json.WriteNumber("total", counts.Total);
        json.WriteNumber("known", counts.Known);
        json.WriteNumber("runtimeDecided", counts.RuntimeDecided);
        json.WriteNumber("manualGate", counts.ManualGate);
        json.WriteNumber("skipped", counts.Skipped);
        json.WriteNumber("recovery", counts.Recovery);
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, PlanItem item)
    {
        json.WriteStartObject();
        if (item is PlanStep step)
        {
            // The tree refers to steps by id; their full records are in "steps".
            json.WriteString("type", "step");
            json.WriteString("id", step.Id);
            json.WriteEndObject();
            return;
        }

        var group = (PlanGroup)item;
        json.WriteString("type", "group");
        json.WriteString("id", group.Id);
        json.WriteString("name", group.DisplayName);
        WriteNullable(json, "node", group.Node);
        if (group.Strategy is { } strategy)
        {
            json.WriteStartObject("strategy");
            json.WriteString("mode", strategy.Mode.ToString().ToLowerInvariant());
            if (strategy.MaxConcurrent is { } max)
            {
                json.WriteNumber("maxConcurrent", max);
            }
            else
            {
                json.WriteNull("maxConcurrent");
            }

            json.WriteNumber("maxFailed", strategy.MaxFailed);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("strategy");
        }

        json.WriteBoolean("disruptive", group.Disruptive);
        WriteNullable(json, "skippedReason", group.SkippedReason);
        json.WriteNumber("estimateSeconds", (long)group.Estimate.TotalSeconds);
        json.WriteStartArray("onFailure");
        group.OnFailure.ToList().ForEach(s => WriteStep(json, s));
        json.WriteEndArray();
        json.WriteStartArray("children");
        group.Children.ToList().ForEach(child => WriteItem(json, child));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, PlanStep step)
    {
        json.WriteStartObject();
        json.WriteString("id", step.Id);
        json.WriteString("sourcePath", step.SourcePath);
        json.WriteString("kind", step.Kind);
        json.WriteString("name", step.DisplayName);
        WriteNullable(json, "description", step.Description);
        json.WriteStartObject("target");
        json.WriteString("kind", step.Target.Kind.ToString().ToLowerInvariant());
        WriteNullable(json, "node", step.Target.Node);
        json.WriteEndObject();
        WriteNullable(json, "script", step.Script);
        WriteNullable(json, "skipIf", step.SkipIf);
        if (step.Baseline is not null)
        {
            // Written only when present, so plans of steps without one keep their bytes.
            json.WriteString("baseline", step.Baseline);
        }

        json.WriteStartObject("bindings");
        step.Bindings.ToList().ForEach(b => json.WriteString(b.Name, b.Value));
        json.WriteEndObject();
        WriteNullable(json, "message", step.Message);
        WriteNullable(json, "instructions", step.Instructions);
        if (step.Rehearsal is not null)
        {
            // Written only when present, so plans without rehearsals (every real-cluster plan) keep their bytes.
            json.WriteString("rehearsal", step.Rehearsal);
        }

        WriteNullable(json, "severity", step.Severity);
        WriteRetry(json, step);
        WriteSeconds(json, "timeoutSeconds", step.Timeout);
        WriteSeconds(json, "pollIntervalSeconds", step.PollInterval);
        json.WriteNumber("estimateSeconds", (long)step.Estimate.TotalSeconds);
        json.WriteBoolean("estimateDefaulted", step.EstimateDefaulted);
        json.WriteString("certainty", CertaintyText.Key(step.Certainty));
        WriteNullable(json, "certaintyReason", step.CertaintyReason);
        WriteNullable(json, "skippedReason", step.SkippedReason);
        WriteStrings(json, "needs", step.Needs);
        WriteStrings(json, "tags", step.Tags);
        json.WriteBoolean("idempotent", step.Idempotent);
        json.WriteBoolean("onCriticalPath", step.OnCriticalPath);
        json.WriteStartArray("onFailure");
        step.OnFailure.ToList().ForEach(s => WriteStep(json, s));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRetry(Utf8JsonWriter json, PlanStep step)
    {
        if (step.Retry is not { } retry)
        {
            json.WriteNull("retry");
            return;
        }

        json.WriteStartObject("retry");
        json.WriteNumber("attempts", retry.Attempts);
        json.WriteNumber("delaySeconds", (long)retry.Delay.TotalSeconds);
        json.WriteNumber("backoff", retry.Backoff);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            default:
                json.WriteString(name, PlanValueText.Format(value));
                break;
        }
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            json.WriteNumber(name, (long)duration.TotalSeconds);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }
}
