using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>The S2D pool and the primordial pool. -IsPrimordial $false selects the S2D pool.</summary>
[Cmdlet(VerbsCommon.Get, "StoragePool")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_StoragePool")]
public sealed class GetStoragePoolCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? FriendlyName { get; set; }

    [Parameter]
    public bool? IsPrimordial { get; set; }

    protected override void Execute()
    {
        var pools = OnCluster(s =>
        {
            var (health, operational) = StorageOperations.PoolHealth(s);
            var all = new List<StoragePoolInfo>
            {
                new("Primordial", "Healthy", "OK", true, ""),
                new(s.Storage.PoolName, health, operational, false, s.Storage.PoolVersion),
            };
            var selected = all.Where(p => IsPrimordial is null || p.IsPrimordial == IsPrimordial)
                .Where(p => FriendlyName is null || string.Equals(p.FriendlyName, FriendlyName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return FriendlyName is not null && selected.Count == 0 ? throw NotFound("Storage pool", FriendlyName, all.Select(p => p.FriendlyName)) : selected;
        });
        WriteObject(pools, enumerateCollection: true);
    }
}
