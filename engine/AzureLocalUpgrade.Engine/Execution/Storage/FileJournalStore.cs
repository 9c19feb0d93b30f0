using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>Journals as JSON-lines files, <c>&lt;stateDir&gt;/runs/&lt;runId&gt;/journal.jsonl</c>: <see cref="RunJournal"/>.</summary>
public sealed class FileJournalStore(string stateDirectory, JournalDurability durability) : IJournalStore
{
    public IRunJournal Open(string runId, IRunClaim? fence) =>
        RunJournal.Open(RunFolder.At(stateDirectory, runId).JournalPath, durability, fence);

    public JournalRead Read(string runId) => RunJournalReader.Read(RunFolder.Open(stateDirectory, runId).JournalPath);

    public string Describe(string runId) => RunFolder.At(stateDirectory, runId).JournalPath;

    public IReadOnlyList<string> List() =>
        RunFolder.List(stateDirectory).Where(id => File.Exists(Path.Combine(stateDirectory, "runs", id, "journal.jsonl"))).ToList();
}
