using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Running storage jobs; no output once repair is done.</summary>
[Cmdlet(VerbsCommon.Get, "StorageJob")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_StorageJob")]
public sealed class GetStorageJobCommand : SimulatorCmdlet
{
    protected override void Execute() =>
        WriteObject(QueryCluster(s => s.Storage.Jobs.Select(j => Projections.Job(s, j)).ToList()), enumerateCollection: true);
}
