using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests;

/// <summary>
/// Small simulated fleets for tests: copies of the shipped two-node 22H2 sample under new cluster names (a
/// stretch one where a test needs a cluster that fails), upgraded with the shipped 22H2 → 23H2 CAU runbook.
/// </summary>
internal sealed class TestFleets : IDisposable
{
    public TestFleets()
    {
        Folder = Directory.CreateTempSubdirectory("alu-fleet-").FullName;
        StateDirectory = Path.Combine(Folder, "state");
        Directory.CreateDirectory(StateDirectory);
    }

    public string Folder { get; }

    public string StateDirectory { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Runbook => Path.Combine(RepositoryRoot, "runbooks", "22h2-to-23h2", "cau.yaml");

    /// <summary>What the CAU runbook needs stated (it cannot detect the orchestrator's OS reliably).</summary>
    public static IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string> { ["orchestratorOs"] = "Windows Server 2022" };

    public string DatabasePath => Path.Combine(StateDirectory, "fleets.db");

    /// <summary>Writes an inventory for <paramref name="name"/>; a failing one is a stretch cluster (the runbook refuses it).</summary>
    public string Inventory(string name, bool failing = false)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "samples", "clusters", "two-node-22h2.yaml")).Replace("hci02", name, StringComparison.Ordinal);
        if (failing)
        {
            text = text.Replace("stretch: false", "stretch: true", StringComparison.Ordinal);
        }

        var path = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A fleet seed: stage i holds the clusters named in stages[i]; sites cycle over <paramref name="sites"/>.</summary>
    public FleetRunSeed Seed(string fleetId, IReadOnlyList<StageSeed> stages, IReadOnlyList<IReadOnlyList<string>> members, IReadOnlyList<string>? sites = null, ISet<string>? failing = null)
    {
        sites ??= ["site-a"];
        var clusters = new List<ClusterSeed>();
        var n = 0;
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var name in members[i])
            {
                clusters.Add(new ClusterSeed(name, sites[n++ % sites.Count], i, Runbook, Inventory(name, failing?.Contains(name) == true), "UTC", [], Parameters, null, null));
            }
        }

        return new FleetRunSeed(fleetId, fleetId, Path.Combine(Folder, fleetId + ".yaml"), 3600, stages, clusters);
    }

    public static StageSeed Stage(string name, int maxConcurrent = 4, int? perSite = null, int budget = 0, TimeSpan? soak = null, bool approval = false) =>
        new(name, maxConcurrent, perSite, budget, soak ?? TimeSpan.Zero, approval, false);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker process may still be closing a file; the temp folder is cleaned by the system later
        }
    }

    private static string FindRoot()
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
