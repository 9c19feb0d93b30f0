using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// The state folder as a run store: <c>locks/</c> (<see cref="Locking.RunLock"/>), <c>runs/&lt;runId&gt;/journal.jsonl</c>
/// (<see cref="RunJournal"/>) and the other files of each run folder. Exactly what alu kept before stores existed.
/// </summary>
public sealed class FileRunStore(string stateDirectory, JournalDurability durability = JournalDurability.PowerLoss) : IRunStore
{
    public string StateDirectory { get; } = stateDirectory;

    public IClaimStore Claims { get; } = new FileClaimStore(stateDirectory);

    public IJournalStore Journals { get; } = new FileJournalStore(stateDirectory, durability);

    public IRunDocumentStore Documents { get; } = new FileRunDocumentStore(stateDirectory);
}
