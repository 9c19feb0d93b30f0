using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

[Cmdlet(VerbsCommon.Add, "CauClusterRole")]
[OutputType("System.Object")]
public sealed class AddCauClusterRoleCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    [Parameter]
    [Alias("f")]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter EnableFirewallRules { get; set; }

    [Parameter]
    public string? VirtualComputerObjectName { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, ClusterName);
        RequireClusterRunning(s);
        s.Cau.RoleInstalled = true;
        if (EnableFirewallRules)
        {
            s.Nodes.ForEach(n => n.FirewallRulesEnabled = true);
        }

        return new CauClusterRoleInfo(s.ClusterName, VirtualComputerObjectName ?? $"{s.ClusterName}-CAU", "Online");
    }));
}
