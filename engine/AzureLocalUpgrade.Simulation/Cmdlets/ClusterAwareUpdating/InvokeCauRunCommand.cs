using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>
/// Runs an Updating Run to completion (advancing virtual time) and returns its report. A Failed run also writes an
/// error; a PartiallyFailed one a warning. -ForceRecovery -Force clears a RunFailed lock.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CauRun", DefaultParameterSetName = "DefaultParamSet")]
[OutputType("Microsoft.ClusterAwareUpdating.ClusterResult")]
public sealed class InvokeCauRunCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public string[] CauPluginName { get; set; } = [CauRunRequest.WindowsUpdatePlugin];

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public Hashtable[]? CauPluginArguments { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    [ValidateRange(-1, 64)]
    public int? MaxFailedNodes { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    [ValidateRange(0, 64)]
    public int MaxRetriesPerNode { get; set; } = 3;

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public string[]? NodeOrder { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public SwitchParameter RequireAllNodesOnline { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    [ValidateRange(-1, 360)]
    public int RebootTimeoutMinutes { get; set; } = 15;

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public SwitchParameter EnableFirewallRules { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    public SwitchParameter ForceSelfUpdate { get; set; }

    [Parameter(ParameterSetName = "DefaultParamSet")]
    [ValidateSet("NoFailback", "Immediate", "Policy")]
    public string FailbackMode { get; set; } = "Immediate";

    /// <summary>
    /// "the time ... after which the updating run is canceled if it hasn't completed" (Invoke-CauRun.md, -StopAfter).
    /// Unbound: no limit, as the reference gives the default.
    /// </summary>
    [Parameter]
    public TimeSpan StopAfter { get; set; }

    [Parameter(ParameterSetName = "RecoverParamSet", Mandatory = true)]
    [Alias("Recover")]
    public SwitchParameter ForceRecovery { get; set; }

    [Parameter]
    [Alias("f")]
    public SwitchParameter Force { get; set; }

    protected override void Execute()
    {
        if (ForceRecovery)
        {
            OnCluster(s =>
            {
                CheckClusterName(s, ClusterName);
                s.Cau.RunState = s.Cau.RunState == CauRunState.RunInProgress && s.Cau.CurrentRun is not null ? CauRunState.RunInProgress : CauRunState.RunNotInProgress;
            });
            WriteVerbose("CAU recovery complete: the cluster is no longer locked by a failed run.");
            return;
        }

        var orchestrator = Simulation.NodeName ?? Environment.MachineName;
        var request = new CauRunRequest(
            CauPluginName.FirstOrDefault() ?? CauRunRequest.WindowsUpdatePlugin,
            WuConnected: !string.Equals(ClusterAwareUpdating.CauPluginArguments.Get(CauPluginArguments, "WuConnected"), "false", StringComparison.OrdinalIgnoreCase),
            PathToSetupMedia: ClusterAwareUpdating.CauPluginArguments.Get(CauPluginArguments, "PathToSetupMedia"),
            UpdateClusterFunctionalLevel: ClusterAwareUpdating.CauPluginArguments.IsTrue(CauPluginArguments, "UpdateClusterFunctionalLevel"),
            EnableFirewallRules,
            MaxFailedNodes is < 0 ? null : MaxFailedNodes,
            MaxRetriesPerNode,
            NodeOrder,
            RequireAllNodesOnline,
            RebootTimeoutMinutes < 0 ? 360 : RebootTimeoutMinutes,
            FailbackMode,
            MyInvocation.BoundParameters.ContainsKey(nameof(StopAfter)) ? StopAfter : null);
        OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            RequireClusterRunning(s);
        });

        var run = new CauRunner(Simulation.Cluster, request, WriteVerbose, WaitUntil).Run();
        var report = OnCluster(s => Projections.Report(s, run, orchestrator));
        WriteObject(report);
        if (run.Status == CauSummaryStatus.Failed)
        {
            throw new SimulationException("CauRunFailed", ErrorCategory.OperationStopped, $"The Updating Run on {report.ClusterResult.Name} failed. {run.Message}");
        }

        if (run.Status == CauSummaryStatus.PartiallyFailed)
        {
            WriteWarning($"The Updating Run partially failed. {run.Message}");
        }
    }
}
