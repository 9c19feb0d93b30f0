using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// A refused operation in the simulated cluster (the real cmdlet would fail the same way). Cmdlets turn it into
/// an ErrorRecord with this id and category; the state change that raised it is rolled back.
/// </summary>
public sealed class SimulationException : Exception
{
    public SimulationException(string errorId, ErrorCategory category, string message)
        : base(message)
    {
        ErrorId = errorId;
        Category = category;
    }

    public SimulationException()
        : this("Simulation.Failed", ErrorCategory.NotSpecified, "The simulated operation failed.")
    {
    }

    public SimulationException(string message)
        : this("Simulation.Failed", ErrorCategory.NotSpecified, message)
    {
    }

    public SimulationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorId = "Simulation.Failed";
        Category = ErrorCategory.NotSpecified;
    }

    public string ErrorId { get; }

    public ErrorCategory Category { get; }
}
