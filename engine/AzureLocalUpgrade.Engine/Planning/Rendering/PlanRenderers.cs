namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>Every plan output format, by <c>--format</c> name.</summary>
public static class PlanRenderers
{
    /// <summary>
    /// The <c>--format</c> names, in the order of <see cref="All"/>. A list of its own so building the command line
    /// creates no renderer (the json one loads System.Text.Json); a test keeps the two in step.
    /// </summary>
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "markdown", "mermaid", "dot"];

    public static IReadOnlyList<IPlanRenderer> All => Renderers.All;

    public static IPlanRenderer? Find(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The renderer a person gets: per-node groups summarised unless <paramref name="detail"/> (text and markdown;
    /// the machine formats are always complete).
    /// </summary>
    public static IPlanRenderer? Find(string format, bool detail) =>
        detail ? Find(format) : format.ToLowerInvariant() switch
        {
            "text" => new SummaryTextPlanRenderer(),
            "markdown" => new SummaryMarkdownPlanRenderer(),
            _ => Find(format),
        };

    // Created on first use of All, not with Formats.
    private static class Renderers
    {
        public static readonly IReadOnlyList<IPlanRenderer> All =
        [
            new TextPlanRenderer(),
            new JsonPlanRenderer(),
            new MarkdownPlanRenderer(),
            new MermaidPlanRenderer(),
            new DotPlanRenderer(),
        ];
    }
}
