using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

[Cmdlet(VerbsCommon.Get, "VirtualDisk")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_VirtualDisk")]
public sealed class GetVirtualDiskCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? FriendlyName { get; set; }

    protected override void Execute()
    {
        var disks = QueryCluster(s =>
        {
            if (FriendlyName is null)
            {
                return s.Storage.VirtualDisks.Select(d => Projections.Disk(s, d)).ToList();
            }

            var disk = s.Storage.FindDisk(FriendlyName) ?? throw NotFound("Virtual disk", FriendlyName, s.Storage.VirtualDisks.Select(d => d.FriendlyName));
            return [Projections.Disk(s, disk)];
        });
        WriteObject(disks, enumerateCollection: true);
    }
}
