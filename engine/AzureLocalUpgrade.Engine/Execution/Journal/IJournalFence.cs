namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// The claim a journal is written under (the cluster lock, <see cref="Locking.RunLock"/>). Every write of the
/// journal runs inside <see cref="Guard"/>, which holds the claim's exclusion while it checks that the claim is
/// still this process's and while the write happens, so a process whose claim was taken over cannot add a record
/// after the new holder has read the journal.
/// </summary>
public interface IJournalFence
{
    /// <exception cref="Locking.ClaimLostException">The claim was taken over; nothing was written.</exception>
    void Guard(Action write);
}
