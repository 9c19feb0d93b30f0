namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>Turns a plan into one output format. Output must be deterministic: same plan, same text.</summary>
public interface IPlanRenderer
{
    /// <summary>The <c>--format</c> name: text, json, markdown, mermaid, dot.</summary>
    string Format { get; }

    string Render(Plan plan);
}
