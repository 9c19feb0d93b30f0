namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// simulation.json cannot be used (damaged, truncated by a power cut, replaced by something else). The simulated
/// cluster cannot be trusted any more; the way out is to start it afresh with <c>alu sim reset</c>.
/// </summary>
public sealed class SimulationStateUnusableException : IOException
{
    public SimulationStateUnusableException()
    {
    }

    public SimulationStateUnusableException(string message)
        : base(message)
    {
    }

    public SimulationStateUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulationStateUnusableException(string file, string reason, Exception? inner = null)
        : base($"The simulated cluster's state {file} cannot be used: {reason}.", inner)
    {
        FilePath = file;
        Reason = reason;
    }

    public string FilePath { get; } = "";

    public string Reason { get; } = "";
}
