namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>Every plan output format, by <c>--format</c> name.</summary>
public static class PlanRenderers
{
    public static readonly IReadOnlyList<IPlanRenderer> All =
    [
        new TextPlanRenderer(),
        new JsonPlanRenderer(),
        new MarkdownPlanRenderer(),
        new MermaidPlanRenderer(),
        new DotPlanRenderer(),
    ];

    public static IEnumerable<string> Formats => All.Select(r => r.Format);

    public static IPlanRenderer? Find(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));
}
