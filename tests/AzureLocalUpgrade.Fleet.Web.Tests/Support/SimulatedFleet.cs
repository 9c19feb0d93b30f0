using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>
/// A real fleet run for the browser test: the fleet engine (Quartz on the embedded SQLite store, the simulator's
/// virtual time: what `alu fleet run` hosts) running a fleet file of copies of the shipped four-node 22H2 sample,
/// planned by the fleet planner onto the shipped 22H2 → 23H2 CAU runbook.
/// </summary>
internal sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly string _folder;

    private SimulatedFleet(string folder, FleetHost host, string fleetId)
    {
        _folder = folder;
        Host = host;
        FleetId = fleetId;
    }

    public FleetHost Host { get; }

    public string FleetId { get; }

    /// <summary>
    /// Writes a fleet file with one stage per entry of <paramref name="stages"/> (name, clusters, approval gate after
    /// it) and runs it the way `alu fleet run` does: load, plan, seed, submit to an embedded fleet host.
    /// </summary>
    public static async Task<SimulatedFleet> StartAsync(string fleetName, IReadOnlyList<(string Name, string[] Clusters, bool Approval)> stages)
    {
        var folder = Directory.CreateTempSubdirectory("alu-fleet-browser-").FullName;
        var stateDirectory = Path.Combine(folder, "state");
        Directory.CreateDirectory(stateDirectory);
        var root = RepositoryRoot();
        var sample = File.ReadAllText(Path.Combine(root, "samples", "clusters", "four-node-22h2.yaml"));
        var fleetFile = new StringBuilder($$"""
            apiVersion: azurelocal.upgrade/v1
            kind: Fleet
            metadata: { name: {{fleetName}} }
            defaults:
              runbook: 22h2-to-23h2/cau
              timeZone: UTC
              parameters: { orchestratorOs: Windows Server 2022 }
            clusters:

            """);
        foreach (var (stage, clusters, _) in stages)
        {
            foreach (var name in clusters)
            {
                File.WriteAllText(Path.Combine(folder, name + ".yaml"), sample.Replace("hci04", name, StringComparison.Ordinal));
                fleetFile.Append(CultureInfo.InvariantCulture, $"  - inventory: {name}.yaml\n    labels: {{ site: site-{name}, ring: {stage} }}\n");
            }
        }

        fleetFile.Append("stages:\n");
        foreach (var (stage, _, approval) in stages)
        {
            fleetFile.Append(CultureInfo.InvariantCulture, $"  - name: {stage}\n    groups: [ {{ matchLabels: {{ ring: {stage} }} }} ]\n    maxConcurrent: 2\n    approval: {(approval ? "true" : "false")}\n");
        }

        var path = Path.Combine(folder, fleetName + ".yaml");
        File.WriteAllText(path, fleetFile.ToString());
        var runbooks = Path.Combine(root, "runbooks");
        var bag = new DiagnosticBag();
        var fleet = FleetLoader.Load(path, bag);
        var plan = fleet is null ? null : new FleetPlanner(runbooks).Plan(fleet, DateTimeOffset.UtcNow, bag);
        bag.Items.Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty();
        var seed = FleetSeedBuilder.FromPlan(plan!, path, runbooks, timeScale: 3600);
        var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(Path.Combine(stateDirectory, "fleets.db")), FleetSchedulerOptions.Embedded(2), stateDirectory, start: true, CancellationToken.None);
        await host.SubmitAsync(seed, CancellationToken.None);
        return new SimulatedFleet(folder, host, seed.FleetId);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A simulated cluster's file may still be closing; the temporary folder goes with the system's clean-up.
        }
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AzureLocalUpgrade.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AzureLocalUpgrade.sln) is not above the test binaries.");
    }
}
