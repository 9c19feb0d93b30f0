using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>Asks a run in progress to stop after the current node; returns whether there was a run to cancel.</summary>
[Cmdlet(VerbsLifecycle.Stop, "CauRun")]
[OutputType("System.Boolean")]
public sealed class StopCauRunCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void Execute()
    {
        var cancelled = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            if (s.Cau.RunState != CauRunState.RunInProgress)
            {
                return false;
            }

            s.Cau.CancelPending = true;
            return true;
        });
        if (!cancelled)
        {
            WriteWarning("No Updating Run is in progress.");
        }

        WriteObject(cancelled);
    }
}
