using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// The memory figures Get-VMHost and Get-VM report. Every VM is the same size, and a host holds as many VMs as the
/// drain room check lets it (the limited-vm-capacity fault), so a runbook's memory arithmetic predicts exactly
/// whether Suspend-ClusterNode -Drain will find room.
/// </summary>
internal static class HostMemory
{
    public const long VmBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Without a capacity fault a host holds 48 VMs, more than any sample inventory places on a cluster.</summary>
    public const int DefaultVmsPerHost = 48;

    public static long CapacityBytes(SimulationState s) =>
        (s.ActiveFaults(FaultKind.LimitedVmCapacity).Select(f => f.VmsPerNode).FirstOrDefault() ?? DefaultVmsPerHost) * VmBytes;

    /// <summary>Hyper-V reports 0 assigned memory for a VM that is not running.</summary>
    public static long AssignedBytes(bool running) => running ? VmBytes : 0;
}
