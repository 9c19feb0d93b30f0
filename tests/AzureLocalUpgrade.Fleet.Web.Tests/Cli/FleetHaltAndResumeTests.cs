using AzureLocalUpgrade.Cli;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Cli;

/// <summary>
/// A stage that exceeds its failure budget halts the fleet before the next stage; `alu fleet status` and the
/// dashboard (page and API) say why; after the fix `alu fleet resume` and the same `alu fleet run` continue it to the
/// end. All through the real command line on the embedded store, on the simulator.
/// </summary>
public sealed class FleetHaltAndResumeTests : IDisposable
{
    private const string Fleet = "halt-demo";
    private const string Reason = "stage canary: 1 of 2 clusters failed, its failure budget allows 0 (hr02); fix them and run alu fleet resume";
    private readonly string _folder = Directory.CreateTempSubdirectory("alu-fleet-halt-").FullName;

    private string State => Path.Combine(_folder, "state");

    private string Db => Path.Combine(State, "fleets", "fleets.db");

    [Fact]
    public async Task A_spent_failure_budget_halts_before_the_next_stage_status_and_dashboard_say_why_and_resume_continues_after_the_fix()
    {
        var fleetFile = WriteFleet();
        var run = new[] { "fleet", "run", fleetFile, "--state-dir", State, "--runbooks", Path.Combine(SimulatedFleet.RepositoryRoot(), "runbooks") };

        var (halted, _, haltedErr) = await RunAsync(run);
        halted.Should().Be(ExitCodes.Failed, haltedErr);
        haltedErr.Should().Contain($"Fleet {Fleet} halted: {Reason}");

        var (statusExit, status, _) = await RunAsync("fleet", "status", Fleet, "--db", Db);
        statusExit.Should().Be(ExitCodes.Success);
        status.Should().Contain("Fleet halt-demo: Halted").And.Contain($"Halted because: {Reason}");
        status.Should().MatchRegex(@"hr03\s+site-b\s+Waiting", "the next stage never started");

        await using (var dashboard = await RunningDashboard.StartAsync(new FleetStore(FleetDatabase.Sqlite(Db)), withAccess: false))
        {
            var client = new DashboardClient(dashboard.Address);
            (await client.GetTextAsync($"/fleets/{Fleet}")).Should().Contain("id=\"halt-reason\"").And.Contain(System.Net.WebUtility.HtmlEncode(Reason));
            (await client.GetTextAsync($"/api/fleets/{Fleet}")).Should().Contain("\"haltReason\"").And.Contain("its failure budget allows 0 (hr02)");
        }

        // The fix: hr02 is no longer a stretch cluster (its inventory, and its twin rebuilt from the inventory).
        var inventory = Path.Combine(_folder, "hr02.yaml");
        File.WriteAllText(inventory, File.ReadAllText(inventory).Replace("stretch: true", "stretch: false", StringComparison.Ordinal));
        Directory.Delete(Simulation.SimulatedCluster.StateFolder(State, "hr02"), recursive: true);
        var (resumed, resumeOut, resumeErr) = await RunAsync("fleet", "resume", Fleet, "--db", Db);
        resumed.Should().Be(ExitCodes.Success, resumeErr);
        resumeOut.Should().Contain($"Fleet {Fleet} resumed");

        var (finished, _, finishedErr) = await RunAsync(run);
        finished.Should().Be(ExitCodes.Success, finishedErr);
        var (_, after, _) = await RunAsync("fleet", "status", Fleet, "--db", Db);
        after.Should().Contain("Fleet halt-demo: Succeeded").And.NotContain("Halted because");
        after.Should().MatchRegex(@"hr02\s+site-a\s+Done").And.MatchRegex(@"hr03\s+site-b\s+Done");
    }

    private string WriteFleet()
    {
        var sample = File.ReadAllText(Path.Combine(SimulatedFleet.RepositoryRoot(), "samples", "clusters", "two-node-22h2.yaml"));
        foreach (var name in new[] { "hr01", "hr02", "hr03" })
        {
            var text = sample.Replace("hci02", name, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(_folder, name + ".yaml"), name == "hr02" ? text.Replace("stretch: false", "stretch: true", StringComparison.Ordinal) : text);
        }

        var path = Path.Combine(_folder, Fleet + ".yaml");
        File.WriteAllText(path, $$"""
            apiVersion: azurelocal.upgrade/v1
            kind: Fleet
            metadata: { name: {{Fleet}} }
            defaults:
              runbook: 22h2-to-23h2/cau
              timeZone: UTC
              parameters: { orchestratorOs: Windows Server 2022 }
            clusters:
              - { inventory: hr01.yaml, labels: { site: site-a, ring: canary } }
              - { inventory: hr02.yaml, labels: { site: site-a, ring: canary } }
              - { inventory: hr03.yaml, labels: { site: site-b, ring: wave } }
            stages:
              - { name: canary, groups: [ { matchLabels: { ring: canary } } ], maxConcurrent: 2, failureBudget: 0 }
              - { name: wave, groups: [ { matchLabels: { ring: wave } } ], maxConcurrent: 1 }
            """);
        return path;
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr, _folder));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
