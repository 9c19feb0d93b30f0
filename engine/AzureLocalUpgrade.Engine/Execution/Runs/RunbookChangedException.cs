namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>A runbook file no longer matches the hash the graph was compiled from: pinning it would pin something else.</summary>
public sealed class RunbookChangedException : Exception
{
    public RunbookChangedException()
    {
    }

    public RunbookChangedException(string message)
        : base(message)
    {
    }

    public RunbookChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
