namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>What a run executes: enough to refuse a resume against a different graph.</summary>
/// <param name="GraphFingerprint">SHA-256 over source hashes and step ids (see <see cref="StepGraphFingerprint"/>).</param>
/// <param name="Parameters">Parameter values with secrets shown as ***.</param>
/// <param name="StepIds">Every step id in graph order, so `alu status` can show steps not yet reached.</param>
public sealed record JournalRunIdentity(
    string RunbookName,
    string RunbookVersion,
    string Cluster,
    string GraphFingerprint,
    IReadOnlyDictionary<string, string> SourceHashes,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyList<string> StepIds);
