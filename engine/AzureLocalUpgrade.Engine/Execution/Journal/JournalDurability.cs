namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>How far each journal record is pushed before <see cref="RunJournal.Append"/> returns.</summary>
public enum JournalDurability
{
    /// <summary>
    /// Through to the disk (fsync) for every record: the journal survives a power cut or OS crash up to the last
    /// record. For real clusters, whose steps take seconds to minutes, so the millisecond per record is noise.
    /// </summary>
    PowerLoss,

    /// <summary>
    /// Into the operating system (write) for every record, through to the disk only when the journal closes: it
    /// survives the process being killed at any instant (SIGKILL keeps the page cache), not a power cut. For
    /// simulated clusters, whose own state (simulation.json) is kept to the same standard: fsyncing the journal of
    /// a cluster that itself would not survive a power cut buys nothing.
    /// </summary>
    ProcessCrash,
}
