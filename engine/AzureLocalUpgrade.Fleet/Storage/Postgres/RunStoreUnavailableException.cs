using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// ALU7201: the run store's database stayed unreachable for longer than the outage budget, or too slow for longer
/// than it is waited for (the outage budget, or a claim's lease for writes under it). The operation that raised
/// it did not happen (or happened exactly once: appends are idempotent), nothing more is written, and the run can be
/// resumed from its journal once the database is back. Exit code 1 for a process that runs one cluster run.
/// </summary>
public sealed class RunStoreUnavailableException : RunStoreOutageException
{
    public const string Code = RunStoreCodes.Unavailable;

    public RunStoreUnavailableException()
    {
    }

    public RunStoreUnavailableException(string message)
        : base(message)
    {
    }

    public RunStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
