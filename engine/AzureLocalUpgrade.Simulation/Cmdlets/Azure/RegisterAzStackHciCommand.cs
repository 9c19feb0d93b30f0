using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>Registers (or with -RepairRegistration repairs) the cluster: identity SystemAssigned, Cloud Management group created.</summary>
[Cmdlet(VerbsLifecycle.Register, "AzStackHCI")]
public sealed class RegisterAzStackHciCommand : SimulatorCmdlet
{
    [Parameter(Position = 5)]
    public string? TenantId { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    public string? SubscriptionId { get; set; }

    [Parameter(Position = 10)]
    public string? ComputerName { get; set; }

    [Parameter(Position = 6)]
    public string? ResourceGroupName { get; set; }

    // Mandatory in the current Az.StackHCI reference (Register-AzStackHCI.md), so a call without it fails as it would.
    [Parameter(Mandatory = true, Position = 2)]
    public string? Region { get; set; }

    [Parameter]
    public SwitchParameter RepairRegistration { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        RequireClusterRunning(s);
        s.Azure.Registered = true;
        s.Azure.Identity = "SystemAssigned";
        s.Azure.LastSync = s.Now;
        var group = s.FindGroup("Cloud Management");
        var owner = s.Nodes.Find(n => n.State == ClusterNodeState.Up)?.Name;
        if (group is null)
        {
            s.Groups.Add(new ClusterGroupState
            {
                Name = "Cloud Management",
                GroupType = "GenericService",
                OwnerNode = owner,
                PreferredOwner = owner,
                State = ClusterGroupStatus.Online,
                Resources = [new ClusterResourceState { Name = "Cloud Management", ResourceType = "Generic Service" }],
            });
        }
        else if (group.Resources.Count == 0)
        {
            group.Resources.Add(new ClusterResourceState { Name = "Cloud Management", ResourceType = "Generic Service" });
            group.State = ClusterGroupStatus.Online;
        }
    });
}
