using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>Short node ids and labels shared by the mermaid and dot renderers (ids with [ ] / are not valid there).</summary>
internal static class GraphLabels
{
    public static Dictionary<string, string> ShortIds(Plan plan)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            ids[plan.Steps[i].Id] = $"s{i}";
        }

        return ids;
    }

    public static string StepLabel(PlanStep step)
    {
        var label = step.DisplayName == step.Id[(step.Id.LastIndexOf('/') + 1)..] ? step.Id : $"{step.Id}: {step.DisplayName}";
        return $"{label} ({step.Kind}, {DurationParser.Format(step.Estimate)})";
    }

    // Mermaid labels in quotes take HTML entities; a quote or angle bracket would end or break the label.
    public static string MermaidEscape(string text) => text
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .ReplaceLineEndings(" ");

    public static string DotEscape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .ReplaceLineEndings(" ");
}
