using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>Script invocations as the executor builds them.</summary>
internal static class Invocations
{
    public static ScriptInvocation Of(
        string script,
        StepTarget? target = null,
        IReadOnlyDictionary<string, object?>? parameters = null,
        TimeSpan? timeout = null,
        TimeSpan? reconnectTimeout = null,
        EmbeddedText? text = null) =>
        new(
            "step",
            target ?? StepTarget.Orchestrator,
            text ?? EmbeddedText.Synthetic(script),
            parameters ?? new Dictionary<string, object?>(StringComparer.Ordinal),
            timeout,
            reconnectTimeout ?? TimeSpan.FromMinutes(20));

    /// <summary>The script as a YAML block scalar whose first content line is line 11 of runbook.yaml, indented 6.</summary>
    public static EmbeddedText InBlock(string script) =>
        new(script, SourceSpan.At("runbook.yaml", 10, 15), ContentLine: 11, ContentColumn: 7, IsBlock: true);

    public static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
