using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>The run journals of a store, one append-only sequence of <see cref="JournalRecord"/>s per run.</summary>
public interface IJournalStore
{
    /// <summary>Opens (creating when missing) the journal of <paramref name="runId"/> for appending.</summary>
    /// <param name="fence">The claim every append must still hold; null for a journal no claim protects (tests, tools).</param>
    /// <exception cref="Locking.ClaimLostException">The claim was already lost.</exception>
    IRunJournal Open(string runId, IRunClaim? fence);

    /// <summary>Every readable record of the run's journal, with a warning for each damaged one skipped.</summary>
    /// <exception cref="DirectoryNotFoundException">The run has no journal.</exception>
    /// <exception cref="InvalidDataException">A record of a newer journal format than this alu understands.</exception>
    JournalRead Read(string runId);

    /// <summary>Names the run's journal in messages (a file path, or the store and run).</summary>
    string Describe(string runId);

    /// <summary>Run ids that have a journal, oldest first (ids sort by start time).</summary>
    IReadOnlyList<string> List();
}
