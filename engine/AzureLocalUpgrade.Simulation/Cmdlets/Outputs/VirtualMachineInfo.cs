namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-VM output. State: Running | Off.</summary>
public sealed record VirtualMachineInfo(string Name, string State, string? ComputerName, string Version)
{
    public override string ToString() => Name;
}
