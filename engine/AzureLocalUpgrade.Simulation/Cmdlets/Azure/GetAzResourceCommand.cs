using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>
/// The cluster's Azure resource (Microsoft.AzureStackHCI/clusters) with its identity, when registered. Like the real
/// Az.Resources cmdlet it calls Azure, so this machine must be signed in (Connect-AzAccount).
/// </summary>
[Cmdlet(VerbsCommon.Get, "AzResource")]
[OutputType("Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResource")]
public sealed class GetAzResourceCommand : SimulatorCmdlet
{
    public const string ClusterResourceType = "Microsoft.AzureStackHCI/clusters";

    [Parameter]
    [Alias("ResourceName")]
    public string? Name { get; set; }

    [Parameter]
    public string? ResourceGroupName { get; set; }

    [Parameter]
    public string ResourceType { get; set; } = ClusterResourceType;

    [Parameter]
    public SwitchParameter ExpandProperties { get; set; }

    protected override void Execute() => WriteObject(QueryCluster(s =>
    {
        AzureSignIn.Require(s, Simulation, CommandName);
        if (!s.Azure.Registered || !string.Equals(ResourceType, ClusterResourceType, StringComparison.OrdinalIgnoreCase)
            || (Name is not null && !string.Equals(Name, s.ClusterName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new SimulationException("ResourceNotFound", ErrorCategory.ObjectNotFound, $"The Resource '{ResourceType}/{Name ?? s.ClusterName}' under resource group '{ResourceGroupName}' was not found.");
        }

        var identity = s.Azure.Identity is null ? null : new AzResourceIdentity(s.Azure.Identity, "00000000-0000-0000-0000-0000000a1b2c");
        return new AzResourceInfo(s.ClusterName, ResourceGroupName ?? $"{s.ClusterName}-rg", ClusterResourceType, identity);
    }));
}
