namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-VM output. State: Running | Off. MemoryAssigned in bytes (0 when the VM is off).</summary>
public sealed record VirtualMachineInfo(string Name, string State, string? ComputerName, string Version, long MemoryAssigned)
{
    public override string ToString() => Name;
}
