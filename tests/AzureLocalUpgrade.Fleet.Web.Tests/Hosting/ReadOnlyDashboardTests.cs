using System.Net;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Hosting;

/// <summary>Started without --auth: everyone reads, nobody approves.</summary>
public sealed class ReadOnlyDashboardTests
{
    [Fact]
    public async Task Without_an_access_file_pages_are_readable_and_approving_is_refused()
    {
        await using var store = await SeededStore.CreateAsync();
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
