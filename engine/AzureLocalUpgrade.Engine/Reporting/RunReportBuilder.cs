using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>
/// Builds a <see cref="RunReport"/> from what a run left on disk (its journal and manifest), so a report can be made
/// at the end of a run, after a crash, or weeks later by <c>alu report</c>. Uses only journalled fields, which the
/// executor redacted when it wrote them, and never the parameter values: a report cannot carry a secret.
/// Every session of a resumed run is folded in: a step shows its last state, attempts from every session are listed.
/// </summary>
public static class RunReportBuilder
{
    /// <param name="finalBuilds">Node → OS build at the end, read by the caller from the cluster (the simulator or a
    /// real cluster); null or empty when it could not be read.</param>
    public static RunReport Build(RunFolder runFolder, IReadOnlyDictionary<string, string>? finalBuilds = null)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        var manifest = File.Exists(runFolder.ManifestPath) ? runFolder.ReadManifest() : null;
        return Build(RunJournalReader.ReadRecords(runFolder.JournalPath), manifest, finalBuilds);
    }

    /// <summary>The same from a run of any store (its journal and, when there is one, its manifest).</summary>
    public static RunReport Build(Execution.Storage.IRunStore store, string runId, IReadOnlyDictionary<string, string>? finalBuilds = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var manifest = store.Documents.Read(runId, RunManifests.Name) is null ? null : RunManifests.Read(store.Documents, runId, RunManifests.Name);
        return Build(store.Journals.Read(runId).Records, manifest, finalBuilds);
    }

    /// <summary>The same from records already read (a journal without a run folder, as the executor tests write).</summary>
    public static RunReport Build(IReadOnlyList<JournalRecord> records, RunManifest? manifest = null, IReadOnlyDictionary<string, string>? finalBuilds = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var started = records.FirstOrDefault(r => r.Type == JournalRecordTypes.RunStarted)
            ?? throw new InvalidDataException("The journal has no run-started record; it is not a run journal.");
        var identity = started.Run;
        var fold = new JournalFold(identity?.StepIds ?? []);
        foreach (var record in records)
        {
            fold.Apply(record);
        }

        var finish = fold.LastFinish;
        return new RunReport(
            started.RunId ?? manifest?.RunId ?? "unknown",
            manifest?.RunbookName ?? identity?.RunbookName ?? "unknown",
            manifest?.RunbookVersion ?? identity?.RunbookVersion ?? "",
            manifest?.Cluster ?? identity?.Cluster ?? "unknown",
            started.Time,
            finish?.Time,
            finish is null ? "Running" : PascalCase(finish.Outcome ?? "failed"),
            finish?.ExitCode,
            finish?.Message,
            fold.Steps(finished: finish is not null),
            fold.Approvals,
            fold.Warnings.Distinct(StringComparer.Ordinal).ToList(),
            finalBuilds ?? new Dictionary<string, string>(StringComparer.Ordinal),
            fold.LeftBehind)
        {
            FailedAttempts = fold.FailedAttempts,
            Decisions = fold.Decisions,
            Sessions = fold.Sessions,
        };
    }

    /// <summary>journal spelling (not-run, precondition-failed) → the report's (NotRun, PreconditionFailed).</summary>
    internal static string PascalCase(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
