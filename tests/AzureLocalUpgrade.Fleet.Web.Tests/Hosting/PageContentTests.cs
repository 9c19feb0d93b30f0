using System.Net;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Hosting;

/// <summary>
/// What the pages show, how they encode what the store holds, and what every response carries; run on both stores
/// (<see cref="PageContentOnSqliteTests"/>, <see cref="PageContentOnPostgresTests"/>).
/// </summary>
/// <param name="postgres">The PostgreSQL server the store is on; null: the SQLite store.</param>
public abstract class PageContentTests(PostgresServer? postgres) : IAsyncLifetime
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";
    private SeededStore _store = null!;
    private RunningDashboard _dashboard = null!;
    private DashboardClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await SeededStore.CreateAsync(postgres, Hostile);
        await _store.StartAsync("c1");
        _dashboard = await RunningDashboard.StartAsync(_store.Store);
        _client = new DashboardClient(_dashboard.Address);
        await _client.SignInAsync(AccessFiles.ViewerName, AccessFiles.ViewerPassword);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_fleet_list_links_each_fleet_run()
    {
        (await _client.GetTextAsync("/")).Should().Contain("href=\"/fleets/demo\"").And.Contain("demo-fleet");
    }

    [Theory]
    [InlineData("running", "c1")]
    [InlineData("waiting", "c2")]
    [InlineData("refused", "c3")]
    public async Task The_fleet_page_groups_clusters_by_state(string state, string cluster)
    {
        Section(await _client.GetTextAsync("/fleets/demo"), $"state-{state}").Should().Contain($"data-cluster=\"{cluster}\"");
    }

    [Fact]
    public async Task A_running_cluster_shows_its_current_step_and_each_nodes_progress()
    {
        var running = Section(await _client.GetTextAsync("/fleets/demo"), "state-running");
        running.Should().Contain("drain n2").And.Contain("data-node=\"n1\"").And.Contain("12/12 · done").And.Contain("3/12 · draining");
    }

    [Fact]
    public async Task A_running_cluster_shows_its_progress_summary_each_nodes_build_and_its_eta_in_simulator_time()
    {
        var running = Section(await _client.GetTextAsync("/fleets/demo"), "state-running");
        running.Should().Contain("1/2 nodes done, n2 draining, steps 15/24").And.Contain("3/12 · draining · 20349.3692")
            .And.Contain("2026-12-06 14:30 UTC (simulator time)");
    }

    [Fact]
    public async Task A_waiting_cluster_shows_its_next_window_in_its_own_zone_and_the_plans_expected_end()
    {
        var waiting = Section(await _client.GetTextAsync("/fleets/demo"), "state-waiting");
        waiting.Should().Contain("2026-12-12 21:00 UTC (Sat 22:00 Europe/Berlin)").And.Contain("2026-12-12 23:30 UTC");
    }

    [Fact]
    public async Task The_cluster_page_shows_the_progress_next_window_and_eta()
    {
        var page = await _client.GetTextAsync("/fleets/demo/clusters/c1");
        page.Should().Contain("<dt>Progress</dt><dd>1/2 nodes done, n2 draining, steps 15/24</dd>")
            .And.Contain("<dt>ETA</dt><dd>2026-12-06 14:30 UTC (simulator time)</dd>")
            .And.Contain("data-node=\"n2\"");
    }

    [Fact]
    public async Task The_status_api_carries_each_nodes_progress()
    {
        var json = await _client.GetTextAsync("/api/fleets/demo");
        json.Should().Contain("\"node\":\"n2\",\"state\":\"draining\",\"stepsDone\":3,\"stepsTotal\":12").And.Contain("\"stepsDone\":15,\"stepsTotal\":24");
    }

    [Fact]
    public async Task Values_from_the_store_are_html_encoded()
    {
        var page = await _client.GetTextAsync("/fleets/demo");
        page.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    [Fact]
    public async Task The_cluster_page_shows_the_plan_summary_events_and_state()
    {
        var page = await _client.GetTextAsync("/fleets/demo/clusters/c1");
        page.Should().Contain("plan of c1: drain, update, resume").And.Contain("<h2>Events</h2>").And.Contain("drain n2").And.Contain("No report yet");
    }

    [Fact]
    public async Task The_live_fragment_is_the_pages_content_without_the_frame()
    {
        var fragment = await _client.GetTextAsync("/fleets/demo/live");
        fragment.Should().StartWith("<h1>").And.Contain("state-running").And.NotContain("<html");
    }

    [Fact]
    public async Task Every_response_forbids_framing_inline_script_and_caching()
    {
        using var response = await _client.GetAsync("/fleets/demo");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Theory]
    [InlineData("/assets/dashboard.js", "text/javascript")]
    [InlineData("/assets/dashboard.css", "text/css")]
    public async Task The_assets_come_from_the_dashboard_itself(string path, string contentType)
    {
        using var response = await _client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
    }

    [Theory]
    [InlineData("/fleets/nope", "holds no fleet run &#x27;nope&#x27;")]
    [InlineData("/fleets/demo/clusters/nope", "has no cluster &#x27;nope&#x27;")]
    public async Task An_unknown_fleet_or_cluster_is_a_404_that_says_so(string path, string message)
    {
        using var response = await _client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    [Theory]
    [InlineData("/fleets/demo/report.md", "# Fleet report: demo-fleet")]
    [InlineData("/fleets/demo/report.html", "<h1>Fleet report: demo-fleet</h1>")]
    public async Task The_fleet_report_is_served_in_both_formats(string path, string start)
    {
        (await _client.GetTextAsync(path)).Should().Contain(start);
    }

    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page has a section {id}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}

public sealed class PageContentOnSqliteTests() : PageContentTests(null);

[Collection(PostgresCollection.Name)]
public sealed class PageContentOnPostgresTests(PostgresServer server) : PageContentTests(server);
