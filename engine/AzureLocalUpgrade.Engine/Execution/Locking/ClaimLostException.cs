namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>
/// This process's claim on the cluster was taken over by another process, which judged it dead (its lease expired
/// while it was stopped or paused). The process must stop at once: the journal refused the write that raised this,
/// and nothing more is written. CLI: exit 4, like any other lock conflict.
/// </summary>
public sealed class ClaimLostException : Exception
{
    public ClaimLostException()
    {
    }

    public ClaimLostException(string message)
        : base(message)
    {
    }

    public ClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
