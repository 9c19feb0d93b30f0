using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Execution.Hosting;

/// <param name="Output">Pipeline output converted to plain .NET values (PSObject base objects).</param>
/// <param name="Records">Warning, verbose, information and error stream records, in arrival order.</param>
/// <param name="ErrorPosition">For failures: where in the runbook file the failing line is, when known.</param>
public sealed record ScriptResult(
    ScriptOutcome Outcome,
    IReadOnlyList<object?> Output,
    IReadOnlyList<StreamRecord> Records,
    string? ErrorMessage,
    SourceSpan ErrorPosition,
    TimeSpan Duration)
{
    /// <summary>PowerShell truthiness of the last output value: how check, wait and skipIf scripts answer.</summary>
    public bool IsTrue => Outcome == ScriptOutcome.Succeeded && Output.Count > 0 && Truthiness.Of(Output[^1]);
}
