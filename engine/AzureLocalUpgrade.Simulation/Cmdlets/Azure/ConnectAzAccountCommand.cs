using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>
/// Connect-AzAccount (Az.Accounts): signs this machine in to Azure. The simulator accepts the sign-in as given (no
/// credential is checked) and keeps it for the machine, as the saved Az context is.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "AzAccount", DefaultParameterSetName = User)]
[OutputType("Microsoft.Azure.Commands.Profile.Models.Core.PSAzureProfile")]
public sealed class ConnectAzAccountCommand : SimulatorCmdlet
{
    // The reference's parameter sets this simulator takes (Connect-AzAccount.md): interactive or device-code user,
    // user with a credential, service principal with a secret, managed identity. Certificates and access tokens are not simulated.
    private const string User = "UserWithSubscriptionId";
    private const string UserWithCredential = "UserWithCredential";
    private const string ServicePrincipalSet = "ServicePrincipalWithSubscriptionId";
    private const string ManagedService = "ManagedServiceLogin";

    [Parameter(ParameterSetName = User)]
    [Parameter(ParameterSetName = UserWithCredential)]
    [Parameter(ParameterSetName = ManagedService)]
    [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
    [Alias("Domain", "TenantId")]
    public string? Tenant { get; set; }

    [Parameter]
    [Alias("SubscriptionName", "SubscriptionId")]
    public string? Subscription { get; set; }

    [Parameter(ParameterSetName = User)]
    [Alias("DeviceCode", "DeviceAuth", "Device")]
    public SwitchParameter UseDeviceAuthentication { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
    public SwitchParameter ServicePrincipal { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ManagedService)]
    [Alias("MSI", "ManagedService")]
    public SwitchParameter Identity { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSet)]
    [Parameter(Mandatory = true, ParameterSetName = UserWithCredential)]
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
[OutputType("Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext")]
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
