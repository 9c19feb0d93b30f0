using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>
/// Element 0 is the RunState (RunNotInProgress | RunInProgress | RunFailed); element 1, when there is one, is the
/// current run, or else the last one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CauRun")]
[OutputType("Microsoft.ClusterAwareUpdating.CauRun", "Microsoft.ClusterAwareUpdating.RunState")]
public sealed class GetCauRunCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    protected override void Execute()
    {
        var (state, run) = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            var record = s.Cau.CurrentRun ?? s.Cau.History.LastOrDefault();
            CauRunInfo? info = record is null ? null : new CauRunInfo(
                record.RunId,
                record.StartTime,
                Simulation.NodeName ?? Environment.MachineName,
                s.Cau.CancelPending,
                record == s.Cau.CurrentRun,
                [.. record.NodeResults.Select(Projections.NodeResult)]);
            return (s.Cau.RunState, info);
        });
        WriteObject(state);
        if (run is not null)
        {
            WriteObject(run);
        }
    }
}
