using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>
/// Connect-AzAccount (Az.Accounts): signs this machine in to Azure. The simulator accepts the sign-in as given (no
/// credential is checked) and keeps it for the machine, as the saved Az context is.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "AzAccount")]
public sealed class ConnectAzAccountCommand : SimulatorCmdlet
{
    [Parameter]
    [Alias("Domain", "TenantId")]
    public string? Tenant { get; set; }

    [Parameter]
    [Alias("SubscriptionName", "SubscriptionId")]
    public string? Subscription { get; set; }

    [Parameter]
    [Alias("DeviceCode", "DeviceAuth", "Device")]
    public SwitchParameter UseDeviceAuthentication { get; set; }

    [Parameter]
    public SwitchParameter ServicePrincipal { get; set; }

    [Parameter]
    [Alias("ManagedService")]
    public SwitchParameter Identity { get; set; }

    [Parameter]
    public PSCredential? Credential { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        var machine = AzureSignIn.Machine(Simulation);
        if (!s.Azure.SignedInOn.Contains(machine, StringComparer.OrdinalIgnoreCase))
        {
            s.Azure.SignedInOn.Add(machine);
        }
    });
}

/// <summary>Get-AzContext (Az.Accounts): the signed-in context of this machine, or nothing.</summary>
[Cmdlet(VerbsCommon.Get, "AzContext")]
public sealed class GetAzContextCommand : SimulatorCmdlet
{
    protected override void Execute()
    {
        var context = QueryCluster(s => AzureSignIn.IsSignedIn(s, Simulation)
            ? new PSObject(new { Name = $"simulated ({s.ClusterName})", Tenant = "00000000-0000-0000-0000-000000000001" })
            : null);
        if (context is not null)
        {
            WriteObject(context);
        }
    }
}
