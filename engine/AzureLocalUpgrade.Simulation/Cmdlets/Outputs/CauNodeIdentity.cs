namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>The Node of a CAU node result. Constructible from a string, so <c>$_.Node -eq 'n1'</c> works in PowerShell.</summary>
public sealed record CauNodeIdentity(string NodeName)
{
    public override string ToString() => NodeName;
}
