namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// Where runs keep what must outlive their process: the cluster claims (<see cref="Claims"/>), the run journals
/// (<see cref="Journals"/>) and each run's documents, its manifest, pinned files and reports (<see cref="Documents"/>).
/// <see cref="FileRunStore"/> is the state folder, unchanged on disk; a fleet keeps them in its database instead
/// (AzureLocalUpgrade.Fleet.Storage.Postgres). What goes in is already redacted: no store ever sees a secret.
/// </summary>
public interface IRunStore
{
    IClaimStore Claims { get; }

    IJournalStore Journals { get; }

    IRunDocumentStore Documents { get; }
}
