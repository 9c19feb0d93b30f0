namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-VMHost output: the Hyper-V host. MemoryCapacity in bytes.</summary>
public sealed record VmHostInfo(string Name, string ComputerName, long MemoryCapacity)
{
    public override string ToString() => Name;
}
