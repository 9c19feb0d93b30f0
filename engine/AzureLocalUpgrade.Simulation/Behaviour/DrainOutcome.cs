namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// The result of a drain. A failed drain still leaves the node Paused with DrainStatus Failed (as a real cluster
/// does), so the failure is reported after the state change is kept rather than by rolling it back.
/// </summary>
internal sealed record DrainOutcome(bool Succeeded, string? FailureMessage)
{
    public static readonly DrainOutcome Success = new(true, null);

    public static DrainOutcome Failure(string message) => new(false, message);
}
