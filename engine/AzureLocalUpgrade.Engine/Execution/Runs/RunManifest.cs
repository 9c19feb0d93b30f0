namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>
/// <c>run.json</c>: what a run executes, pinned at its start. Paths under <see cref="PinnedRunbook"/> and
/// <see cref="PinnedInventory"/> are relative to the run folder.
/// </summary>
/// <param name="PlanHash">The saved plan the run applies (<c>alu run plan.json</c>); approval files for a resume must quote it.</param>
/// <param name="SecretParameters">Names of parameters whose values were not pinned: the CLI must supply them again on resume.</param>
public sealed record RunManifest(
    int FormatVersion,
    string RunId,
    string Cluster,
    string RunbookName,
    string RunbookVersion,
    string OriginalRunbookPath,
    string PinnedRunbook,
    string? PinnedInventory,
    string PinnedParameters,
    string GraphFingerprint,
    IReadOnlyDictionary<string, string> SourceHashes,
    IReadOnlyList<string> SecretParameters,
    DateTimeOffset CreatedAt,
    string? PlanHash = null)
{
    public const int CurrentFormatVersion = 1;
}
