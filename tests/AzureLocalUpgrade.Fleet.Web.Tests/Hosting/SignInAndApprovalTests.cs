using System.Net;
using System.Net.Http.Headers;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Hosting;

/// <summary>
/// Who may read and who may approve: accounts and tokens from the access file, cookies, anti-forgery, roles; every
/// approval recorded in the store, on both stores.
/// </summary>
/// <param name="postgres">The PostgreSQL server the store is on; null: the SQLite store.</param>
public abstract class SignInAndApprovalTests(PostgresServer? postgres) : IAsyncLifetime
{
    private const string FleetPage = "/fleets/demo";
    private const string ApproveCanary = "/fleets/demo/stages/canary/approve";
    private SeededStore _store = null!;
    private RunningDashboard _dashboard = null!;

    public async Task InitializeAsync()
    {
        _store = await SeededStore.CreateAsync(postgres);
        await _store.FinishCanaryAsync();
        _dashboard = await RunningDashboard.StartAsync(_store.Store);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user_when_an_access_file_is_given()
    {
        using var client = new DashboardClient(_dashboard.Address);
        using var response = await client.GetAsync(FleetPage);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/signin");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_no_password_reaches_the_log()
    {
        using var client = new DashboardClient(_dashboard.Address);
        using var response = await client.PostFormAsync("/signin", "/signin", new Dictionary<string, string> { ["user"] = AccessFiles.OperatorName, ["password"] = "wrong-password-Zq81" });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("are not right");
        await client.SignInAsync(AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        _dashboard.Logs.Lines.Should().Contain(l => l.Contains("Sign-in refused", StringComparison.Ordinal));
        _dashboard.Logs.Lines.Should().NotContain(l => l.Contains("wrong-password-Zq81", StringComparison.Ordinal) || l.Contains(AccessFiles.OperatorPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_approves_a_gate_and_the_store_records_who_and_when()
    {
        using var client = new DashboardClient(_dashboard.Address);
        await client.SignInAsync(AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var response = await client.PostFormAsync(ApproveCanary, FleetPage);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var gate = await _store.GateAsync(0);
        gate!.ApprovedBy.Should().Be(AccessFiles.OperatorName);
        gate.ApprovedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
        (await client.GetTextAsync(FleetPage)).Should().Contain("approved by <strong>alice</strong>");
    }

    [Fact]
    public async Task A_viewer_reads_the_fleet_page_but_approving_is_refused_with_403_and_a_reason()
    {
        using var client = new DashboardClient(_dashboard.Address);
        await client.SignInAsync(AccessFiles.ViewerName, AccessFiles.ViewerPassword);
        (await client.GetTextAsync(FleetPage)).Should().Contain("data-approve=\"canary\"");
        using var response = await client.PostFormAsync(ApproveCanary, FleetPage);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("needs the operator role, and bob is a viewer");
        (await _store.GateAsync(0))!.ApprovedBy.Should().BeNull();
    }

    [Fact]
    public async Task Approving_without_the_forms_anti_forgery_token_is_refused()
    {
        using var client = new DashboardClient(_dashboard.Address);
        await client.SignInAsync(AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        using var response = await client.PostFormAsync(ApproveCanary, FleetPage, withToken: false);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("anti-forgery token");
        (await _store.GateAsync(0))!.ApprovedBy.Should().BeNull();
    }

    [Fact]
    public async Task A_gate_that_is_not_awaiting_approval_is_not_approved()
    {
        using var client = new DashboardClient(_dashboard.Address);
        await client.SignInAsync(AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        using var response = await client.PostFormAsync("/fleets/demo/stages/wave/approve", FleetPage);
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not awaiting approval");
    }

    [Theory]
    [InlineData(AccessFiles.OperatorToken, HttpStatusCode.OK, "release-bot")]
    [InlineData(AccessFiles.ViewerToken, HttpStatusCode.Forbidden, null)]
    [InlineData("not-a-token-of-this-dashboard", HttpStatusCode.Unauthorized, null)]
    public async Task The_api_approves_with_an_operator_token_only(string token, HttpStatusCode expected, string? approvedBy)
    {
        using var client = new DashboardClient(_dashboard.Address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/fleets/demo/stages/canary/approve");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(expected);
        (await _store.GateAsync(0))!.ApprovedBy.Should().Be(approvedBy);
    }

    [Fact]
    public async Task The_api_never_approves_on_a_cookie_so_no_other_site_can_make_a_browser_approve()
    {
        using var client = new DashboardClient(_dashboard.Address);
        await client.SignInAsync(AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/fleets/demo/stages/canary/approve");
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _store.GateAsync(0))!.ApprovedBy.Should().BeNull();
    }

    [Fact]
    public async Task A_token_signs_in_to_the_pages_too()
    {
        using var client = new DashboardClient(_dashboard.Address);
        using var response = await client.PostFormAsync("/signin", "/signin", new Dictionary<string, string> { ["token"] = AccessFiles.ViewerToken });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetTextAsync(FleetPage)).Should().Contain("<strong id=\"user\">wallboard</strong> (viewer)");
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task After_sign_in_only_a_path_of_this_dashboard_is_followed(string returnUrl)
    {
        using var client = new DashboardClient(_dashboard.Address);
        using var response = await client.PostFormAsync("/signin", "/signin",
            new Dictionary<string, string> { ["user"] = AccessFiles.ViewerName, ["password"] = AccessFiles.ViewerPassword, ["returnUrl"] = returnUrl });
        response.Headers.Location!.ToString().Should().Be("/");
    }
}

public sealed class SignInAndApprovalOnSqliteTests() : SignInAndApprovalTests(null);

[Collection(PostgresCollection.Name)]
public sealed class SignInAndApprovalOnPostgresTests(PostgresServer server) : SignInAndApprovalTests(server);
