namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>A resume was given a graph other than the one the run started with (CLI: exit 2).</summary>
public sealed class GraphMismatchException : Exception
{
    public GraphMismatchException()
    {
    }

    public GraphMismatchException(string message)
        : base(message)
    {
    }

    public GraphMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
