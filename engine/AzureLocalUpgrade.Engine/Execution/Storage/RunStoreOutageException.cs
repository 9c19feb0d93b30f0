namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// A run store that keeps its records in a database could not be reached, or answered too slowly, for longer than it
/// retries: the write that raised this did not happen. It says nothing about the step being run, so the engine never
/// records it as that step's failure; the run stops writing, steps in flight are stopped, and the run is continued
/// from its journal once the store answers (resume). The PostgreSQL store raises its ALU7201 as one of these.
/// </summary>
public class RunStoreOutageException : IOException
{
    public RunStoreOutageException()
    {
    }

    public RunStoreOutageException(string message)
        : base(message)
    {
    }

    public RunStoreOutageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
