namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>One result of the latest Best Practices Analyzer scan of a model on one computer (Get-BpaResult reads them).</summary>
internal sealed class BpaResultState
{
    /// <summary>The computer that ran the scan and keeps its results: a node name, or the orchestrator's.</summary>
    public string Computer { get; set; } = "";

    public string ModelId { get; set; } = "";

    /// <summary>Error, Warning or Information.</summary>
    public string Severity { get; set; } = "";

    public string Category { get; set; } = "";

    public string Title { get; set; } = "";

    public string Problem { get; set; } = "";

    public string Resolution { get; set; } = "";
}
