using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>The orchestrator: a runspace on the machine running alu, built on the engine's base state.</summary>
public sealed class LocalTargetConnector : ITargetConnector
{
    public Runspace Open(StepTarget target, InitialSessionState baseState)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseState);
        if (target.Kind != TargetKind.Orchestrator)
        {
            throw new ArgumentException($"The local connector runs orchestrator steps only, not steps for {target}.", nameof(target));
        }

        // A clone, so no two runspaces ever share (and race on) one session state object.
        var runspace = RunspaceFactory.CreateRunspace(baseState.Clone());
        runspace.Open();
        return runspace;
    }

    public bool IsAlive(StepTarget target, Runspace runspace)
    {
        ArgumentNullException.ThrowIfNull(runspace);
        return runspace.RunspaceStateInfo.State == RunspaceState.Opened;
    }
}
