using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// A run's journal open for appending. <see cref="Append"/> returns only once the record is durable to the store's
/// standard; under a claim it refuses (<see cref="Locking.ClaimLostException"/>) when the claim was taken over.
/// Safe to call from concurrently running steps.
/// </summary>
public interface IRunJournal : IDisposable
{
    /// <summary>Bytes of a torn last record cut off when the journal was opened (0 when the store cannot tear).</summary>
    long TornTailBytesDropped { get; }

    void Append(JournalRecord record);
}
