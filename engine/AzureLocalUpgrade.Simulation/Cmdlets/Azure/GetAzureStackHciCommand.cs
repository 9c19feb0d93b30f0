using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

[Cmdlet(VerbsCommon.Get, "AzureStackHCI")]
public sealed class GetAzureStackHciCommand : SimulatorCmdlet
{
    protected override void Execute() => WriteObject(OnCluster(s => new AzureStackHciInfo(
        s.ClusterRunning ? "Clustered" : "NotYet",
        s.Azure.Registered ? "Registered" : "NotYet",
        s.Azure.Registered ? "Connected" : "NotConnected",
        s.Azure.LastSync,
        s.ClusterName)));
}
