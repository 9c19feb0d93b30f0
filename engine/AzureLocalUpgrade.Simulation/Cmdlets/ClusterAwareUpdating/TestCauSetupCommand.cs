using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>
/// Runs the CAU Best Practices Analyzer model and keeps its results on the computer that ran it
/// (docset/winserver2022-ps/ClusterAwareUpdating/Test-CauSetup.md). The cmdlet's output is scan progress
/// (CauBpaProgress); the findings — missing remoting is an Error, a disabled Remote Shutdown rule group a Warning —
/// are read with Get-BpaResult -ModelId Microsoft/Windows/ClusterAwareUpdating.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "CauSetup")]
public sealed class TestCauSetupCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    protected override void Execute()
    {
        var computer = Simulation.NodeName ?? Environment.MachineName;
        var cluster = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            var results = CauBestPractices.Scan(s, computer);
            s.BpaResults.RemoveAll(r => string.Equals(r.Computer, computer, StringComparison.OrdinalIgnoreCase) && r.ModelId == CauBestPractices.ModelId);
            s.BpaResults.AddRange(results);
            return s.ClusterName;
        });
        WriteObject(new CauBpaProgress(cluster, "Collecting the cluster's configuration", 50));
        WriteObject(new CauBpaProgress(cluster, "Applying the ClusterAwareUpdating model's rules", 100));
    }
}
