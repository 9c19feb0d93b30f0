using AzureLocalUpgrade.Cli;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Cli;

/// <summary>
/// `alu fleet status` shows what the dashboard shows of a running cluster's progress (per-node, compact) and of a
/// waiting cluster's next window, in text and JSON, on both stores.
/// </summary>
/// <param name="postgres">The PostgreSQL server the store is on; null: the SQLite store.</param>
public abstract class FleetStatusProgressTests(PostgresServer? postgres) : IAsyncLifetime
{
    private SeededStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SeededStore.CreateAsync(postgres);
        await _store.StartAsync("c1");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task The_text_shows_a_running_clusters_nodes_compactly_with_its_eta_and_step()
    {
        var (exit, stdout) = await StatusAsync("text");

        exit.Should().Be(ExitCodes.Success);
        Line(stdout, "c1").Should().Contain("1/2 nodes done, n2 draining, steps 15/24; ETA 2026-12-06 14:30 UTC (simulator time); at drain n2");
    }

    [Fact]
    public async Task The_text_shows_a_waiting_clusters_next_window_in_its_own_zone()
    {
        var (_, stdout) = await StatusAsync("text");

        Line(stdout, "c2").Should().Contain("next window 2026-12-12 21:00 UTC (Sat 22:00 Europe/Berlin)");
    }

    [Fact]
    public async Task The_json_carries_each_nodes_progress_and_the_clusters_steps_and_eta()
    {
        var (exit, stdout) = await StatusAsync("json");

        exit.Should().Be(ExitCodes.Success);
        stdout.Should().Contain("\"node\": \"n2\"").And.Contain("\"state\": \"draining\"").And.Contain("\"build\": \"20349.3692\"")
            .And.Contain("\"stepsDone\": 15").And.Contain("\"etaIsVirtualTime\": true").And.Contain("\"timeZone\": \"Europe/Berlin\"");
    }

    private static string Line(string text, string cluster) =>
        text.Split('\n').Single(l => l.TrimStart().StartsWith(cluster + " ", StringComparison.Ordinal));

    private async Task<(int Exit, string Stdout)> StatusAsync(string format)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(["fleet", "status", SeededStore.FleetId, "--db", _store.DbArgument, "--format", format], new CliConsole(stdout, stderr, Path.GetTempPath()));
        return (exit, stdout + stderr.ToString());
    }
}

public sealed class FleetStatusProgressOnSqliteTests() : FleetStatusProgressTests(null);

[Collection(PostgresCollection.Name)]
public sealed class FleetStatusProgressOnPostgresTests(PostgresServer server) : FleetStatusProgressTests(server);
