using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// Opens runspaces for targets: remote PSSessions for real nodes, local runspaces with the simulator's
/// cmdlets for simulated ones. The host keeps one open runspace per target and asks again after a reboot.
/// </summary>
public interface ITargetConnector
{
    /// <summary>
    /// Opens a runspace for <paramref name="target"/>, built on <paramref name="baseState"/> (the engine prelude)
    /// where the runspace is local. Throws <see cref="TargetUnreachableException"/> when the target cannot be
    /// reached now (for example, it is rebooting); the host then retries with backoff.
    /// </summary>
    Runspace Open(StepTarget target, InitialSessionState baseState);

    /// <summary>False when the session has broken since it was opened (the node rebooted, the network dropped).</summary>
    bool IsAlive(StepTarget target, Runspace runspace);
}
