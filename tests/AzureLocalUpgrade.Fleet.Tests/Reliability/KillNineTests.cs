using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability (real processes)";
}

/// <summary>
/// kill -9 of `alu fleet run` while clusters are mid-run, then the same command again: the fleet completes, and no
/// node was drained or rebooted more often than in an uninterrupted run. (The 20-trial version over a 12-cluster
/// fleet is scripts/fleet-kill-trials.sh; this is one trial on a small fleet, to keep the suite fast.)
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KillNineTests : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task A_fleet_run_killed_mid_cluster_completes_when_run_again_without_extra_drains_or_reboots()
    {
        var fleetFile = WriteFleet("kill9", ["k01", "k02", "k03"]);
        var arguments = new[] { "fleet", "run", fleetFile, "--state-dir", _fleets.StateDirectory, "--runbooks", Path.Combine(TestFleets.RepositoryRoot, "runbooks") };
        var store = new FleetStore(FleetDatabase.Sqlite(Path.Combine(_fleets.StateDirectory, "fleets", "fleets.db")));
        using (var first = AluProcess.Start(_fleets.Folder, arguments))
        {
            await WaitUntilAsync(async () => (await TryStatusAsync(store))?.Stages.SelectMany(s => s.Clusters).Any(c => c.State == ClusterRunState.Running && c.RunId != null) == true);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 3000)));
            first.KillHard();
        }

        using (var again = AluProcess.Start(_fleets.Folder, arguments))
        {
            (await again.WaitAsync(TimeSpan.FromMinutes(6))).Should().Be(0);
        }

        var status = await store.GetStatusAsync("kill9", CancellationToken.None);
        status!.State.Should().Be(FleetRunState.Succeeded);
        status.Stages.SelectMany(s => s.Clusters).Should().OnlyContain(c => c.State == ClusterRunState.Done);

        // k03 waits behind k01 and k02 (at most two at once), so it ran after the kill, uninterrupted: the baseline.
        var baseline = SimulatedCluster.ReadSnapshot(_fleets.StateDirectory, "k03")!.Nodes.Select(n => (n.Drains, n.Reboots, n.FeatureUpdatesApplied)).ToList();
        foreach (var cluster in new[] { "k01", "k02" })
        {
            SimulatedCluster.ReadSnapshot(_fleets.StateDirectory, cluster)!.Nodes.Select(n => (n.Drains, n.Reboots, n.FeatureUpdatesApplied))
                .Should().Equal(baseline, $"{cluster}, killed mid-run and resumed, drains and reboots no node more than an uninterrupted run");
        }
    }

    private string WriteFleet(string name, IReadOnlyList<string> clusters)
    {
        var folder = Path.Combine(_fleets.Folder, "inv");
        Directory.CreateDirectory(folder);
        foreach (var cluster in clusters)
        {
            File.Move(_fleets.Inventory(cluster), Path.Combine(folder, cluster + ".yaml"));
        }

        var path = Path.Combine(_fleets.Folder, name + ".yaml");
        File.WriteAllText(path, $$"""
            apiVersion: azurelocal.upgrade/v1
            kind: Fleet
            metadata: { name: {{name}} }
            defaults:
              runbook: 22h2-to-23h2/cau
              timeZone: UTC
              parameters: { orchestratorOs: Windows Server 2022 }
            clusters:
              - inventory: "inv/*.yaml"
                labels: { site: site-a, ring: all }
            stages:
              - name: all
                groups: [ { matchLabels: { ring: all } } ]
                maxConcurrent: 2
                failureBudget: 0
            """);
        return path;
    }

    private static async Task<FleetStatus?> TryStatusAsync(FleetStore store)
    {
        try
        {
            return await store.GetStatusAsync("kill9", CancellationToken.None);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null; // the first process has not created the tables yet
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the fleet should have started a cluster by now");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _fleets.Dispose();
}
