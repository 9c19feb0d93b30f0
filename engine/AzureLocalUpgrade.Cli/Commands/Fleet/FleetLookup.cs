using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>Finds a fleet run in the store, or says which fleets it has (ALU7101, exit 2).</summary>
internal static class FleetLookup
{
    public static async Task<FleetRow?> FindAsync(FleetStore store, string fleetId, CliConsole console, CancellationToken cancellationToken, OutputFormat format = OutputFormat.Text)
    {
        if (await store.GetFleetAsync(fleetId, cancellationToken).ConfigureAwait(false) is { } fleet)
        {
            return fleet;
        }

        var known = await store.ListFleetsAsync(cancellationToken).ConfigureAwait(false);
        FleetStoreAccess.Render(console, format, FleetRunCodes.FleetNotFound, $"the store {store.Database.Display} has no run of fleet '{fleetId}'",
            known.Count == 0 ? "Start one with alu fleet start FLEET.yaml --db ... (or alu fleet run FLEET.yaml)." : $"It has: {string.Join(", ", known.Select(f => f.FleetId))}.");
        return null;
    }
}
