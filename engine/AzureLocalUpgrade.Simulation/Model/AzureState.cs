namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class AzureState
{
    public bool Registered { get; set; }

    /// <summary>SystemAssigned, or null when the resource has no identity.</summary>
    public string? Identity { get; set; }

    public DateTimeOffset? LastSync { get; set; }

    public bool SolutionDeployed { get; set; }

    /// <summary>
    /// Machines signed in to Azure with Connect-AzAccount: node names, or <see cref="OrchestratorMachine"/>. Az
    /// cmdlets that call Azure (Get-AzResource) need a sign-in on the machine that runs them.
    /// </summary>
    public List<string> SignedInOn { get; set; } = [];

    public const string OrchestratorMachine = "(orchestrator)";
}
