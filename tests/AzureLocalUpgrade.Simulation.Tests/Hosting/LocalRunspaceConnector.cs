using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Targets;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>Every target is a plain local runspace on the base state: the generic host behaviours need no cluster.</summary>
internal sealed class LocalRunspaceConnector : ITargetConnector
{
    private readonly List<StepTarget> _opened = [];

    public IReadOnlyList<StepTarget> Opened
    {
        get
        {
            lock (_opened)
            {
                return [.. _opened];
            }
        }
    }

    public Runspace Open(StepTarget target, InitialSessionState baseState)
    {
        var runspace = RunspaceFactory.CreateRunspace(baseState.Clone());
        runspace.Open();
        lock (_opened)
        {
            _opened.Add(target);
        }

        return runspace;
    }

    public bool IsAlive(StepTarget target, Runspace runspace) => runspace.RunspaceStateInfo.State == RunspaceState.Opened;
}
