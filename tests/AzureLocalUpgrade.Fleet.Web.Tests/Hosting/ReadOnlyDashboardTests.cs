using System.Net;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Hosting;

/// <summary>Started without --auth: everyone reads, nobody approves (on both stores).</summary>
/// <param name="postgres">The PostgreSQL server the store is on; null: the SQLite store.</param>
public abstract class ReadOnlyDashboardTests(PostgresServer? postgres)
{
    [Fact]
    public async Task Without_an_access_file_pages_are_readable_and_approving_is_refused()
    {
        await using var store = await SeededStore.CreateAsync(postgres);
        await store.FinishCanaryAsync();
        await using var dashboard = await RunningDashboard.StartAsync(store.Store, withAccess: false);
        using var client = new DashboardClient(dashboard.Address);
        var page = await client.GetTextAsync("/fleets/demo");
        page.Should().Contain("Read-only: started without --auth").And.Contain("alu fleet approve").And.NotContain("data-approve");
        using var response = await client.PostFormAsync("/fleets/demo/stages/canary/approve", "/fleets/demo");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await store.GateAsync(0))!.ApprovedBy.Should().BeNull();
    }
}

public sealed class ReadOnlyDashboardOnSqliteTests() : ReadOnlyDashboardTests(null);

[Collection(PostgresCollection.Name)]
public sealed class ReadOnlyDashboardOnPostgresTests(PostgresServer server) : ReadOnlyDashboardTests(server);
