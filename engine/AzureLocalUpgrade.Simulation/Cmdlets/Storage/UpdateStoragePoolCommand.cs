using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Raises the pool version to what the lowest node build supports (after every node is upgraded).</summary>
[Cmdlet(VerbsData.Update, "StoragePool", DefaultParameterSetName = ByFriendlyName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_StoragePool")]
public sealed class UpdateStoragePoolCommand : SimulatorCmdlet
{
    // The reference's parameter set names (the Storage cmdlets are CDXML): a name or a piped object, each mandatory in its set.
    private const string ByFriendlyName = "ByFriendlyName";
    private const string ByInputObject = "InputObject (cdxml)";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByFriendlyName)]
    public string? FriendlyName { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
    public StoragePoolInfo? InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Execute()
    {
        var name = InputObject?.FriendlyName ?? FriendlyName;
        if (!ShouldProcess(name ?? "storage pool", "Update storage pool version"))
        {
            return;
        }

        var pool = OnCluster(s =>
        {
            if (name is not null && !string.Equals(name, s.Storage.PoolName, StringComparison.OrdinalIgnoreCase))
            {
                throw NotFound("Storage pool", name, [s.Storage.PoolName]);
            }

            if (!StorageOperations.PoolOnline(s))
            {
                throw new SimulationException("StoragePoolOffline", ErrorCategory.ResourceUnavailable, "The storage pool is offline; start the cluster first.");
            }

            s.Storage.PoolVersion = SimulatedReleases.PoolVersionFor(s.Nodes.Min(n => n.BuildMajor));
            var (health, operational) = StorageOperations.PoolHealth(s);
            return new StoragePoolInfo(s.Storage.PoolName, health, operational, false, s.Storage.PoolVersion);
        });
        if (PassThru)
        {
            WriteObject(pool);
        }
    }
}
