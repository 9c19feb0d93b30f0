using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>
/// A real fleet run for the browser test: the fleet engine (Quartz on the embedded SQLite store, the simulator's
/// virtual time: what `alu fleet run` hosts) running copies of the shipped four-node 22H2 sample through the shipped
/// 22H2 → 23H2 CAU runbook.
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

    /// <summary>Starts a fleet of one stage per entry of <paramref name="stages"/>: (name, clusters, approval gate after it).</summary>
    public static async Task<SimulatedFleet> StartAsync(string fleetId, IReadOnlyList<(string Name, string[] Clusters, bool Approval)> stages)
    {
        var folder = Directory.CreateTempSubdirectory("alu-fleet-browser-").FullName;
        var stateDirectory = Path.Combine(folder, "state");
        Directory.CreateDirectory(stateDirectory);
        var root = RepositoryRoot();
        var sample = File.ReadAllText(Path.Combine(root, "samples", "clusters", "four-node-22h2.yaml"));
        var parameters = new Dictionary<string, string> { ["orchestratorOs"] = "Windows Server 2022" };
        var clusters = new List<ClusterSeed>();
        for (var i = 0; i < stages.Count; i++)
        {
            foreach (var name in stages[i].Clusters)
            {
                var inventory = Path.Combine(folder, name + ".yaml");
                File.WriteAllText(inventory, sample.Replace("hci04", name, StringComparison.Ordinal));
                clusters.Add(new ClusterSeed(name, $"site-{name}", i, Path.Combine(root, "runbooks", "22h2-to-23h2", "cau.yaml"), inventory, "UTC", [], parameters, null,
                    $"{name}: 22H2 → 23H2 through Cluster-Aware Updating, 4 nodes"));
            }
        }

        var seed = new FleetRunSeed(fleetId, fleetId, Path.Combine(folder, fleetId + ".yaml"), 3600,
            [.. stages.Select(s => new StageSeed(s.Name, 2, null, 0, TimeSpan.Zero, s.Approval, false))], clusters);
        var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(Path.Combine(stateDirectory, "fleets.db")), FleetSchedulerOptions.Embedded(2), stateDirectory, start: true, CancellationToken.None);
        await host.SubmitAsync(seed, CancellationToken.None);
        return new SimulatedFleet(folder, host, fleetId);
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
