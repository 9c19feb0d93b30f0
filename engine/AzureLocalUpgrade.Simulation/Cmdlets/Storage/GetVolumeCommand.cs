using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Cluster volumes; piped a mounted disk image, the ISO's volume with its drive letter.</summary>
[Cmdlet(VerbsCommon.Get, "Volume")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_Volume")]
public sealed class GetVolumeCommand : SimulatorCmdlet
{
    [Parameter]
    public string? FileSystemLabel { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public DiskImageInfo? DiskImage { get; set; }

    protected override void Execute()
    {
        if (DiskImage is not null)
        {
            WriteObject(new VolumeInfo("AzureLocal", "UDF", "Healthy", "OK", DiskImage.DriveLetter?[0], 6L * 1024 * 1024 * 1024));
            return;
        }

        var volumes = OnCluster(s =>
        {
            var all = s.Storage.VirtualDisks.Select(d => Projections.Volume(s, d)).ToList();
            return FileSystemLabel is null ? all
                : [all.Find(v => string.Equals(v.FileSystemLabel, FileSystemLabel, StringComparison.OrdinalIgnoreCase)) ?? throw NotFound("Volume", FileSystemLabel, all.Select(v => v.FileSystemLabel))];
        });
        WriteObject(volumes, enumerateCollection: true);
    }
}
