using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// Identifies a compiled graph by its sources and its step ids: a resume recompiles the pinned runbook and must get
/// the same fingerprint, or the journal's step ids would mean something else.
/// </summary>
public static class StepGraphFingerprint
{
    public static string Of(StepGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append(graph.RunbookName).Append('\n').Append(graph.RunbookVersion).Append('\n').Append(graph.Cluster.Name).Append('\n');
        foreach (var hash in graph.SourceHashes.Values.Order(StringComparer.Ordinal))
        {
            // Values only: the same files pinned in another folder have other paths but the same content.
            text.Append("source ").Append(hash).Append('\n');
        }

        foreach (var step in graph.Steps)
        {
            text.Append("step ").Append(step.Id).Append(' ').Append(step.Kind).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
