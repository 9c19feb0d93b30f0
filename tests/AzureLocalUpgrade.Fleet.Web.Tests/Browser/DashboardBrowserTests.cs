using System.Text.RegularExpressions;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Browser;

/// <summary>
/// The dashboard in a real browser over a real running simulated fleet: a two-stage fleet whose canary stage ends
/// at an approval gate. A viewer watches and is refused; an operator approves; the next stage's cluster, waiting
/// until then, runs (its nodes' progress on the page) to done. Screenshots of the pages go to docs/images/ with ALU_SET_BASELINE=1.
/// </summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>A simulated cluster run takes seconds; on a loaded 2-core machine, allow minutes.</summary>
    private static readonly float Patience = (float)TimeSpan.FromMinutes(4).TotalMilliseconds;

    [Fact]
    public async Task A_viewer_watches_and_is_refused_an_operator_approves_the_gate_and_the_waiting_cluster_runs_to_done()
    {
        await using var fleet = await SimulatedFleet.StartAsync("browser-demo", [("canary", ["c01"], true), ("wave", ["c02"], false)]);
        await using var dashboard = await RunningDashboard.StartAsync(fleet.Host.Store);
        var page = await chromium.Context.NewPageAsync();
        var fleetPage = new Uri(dashboard.Address, $"/fleets/{fleet.FleetId}").ToString();

        // A viewer signs in (the fleet page sends an anonymous visitor to the sign-in form) and sees the fleet.
        await page.GotoAsync(fleetPage);
        await SignInAsync(page, AccessFiles.ViewerName, AccessFiles.ViewerPassword);
        await Expect(page.Locator("#state-waiting tr[data-cluster='c02']")).ToBeVisibleAsync(new() { Timeout = Patience });

        // The canary runs, the page updates itself, and the gate after it waits for approval.
        var approve = page.Locator("button[data-approve='canary']");
        await Expect(approve).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(page.Locator("#state-done tr[data-cluster='c01']")).ToBeVisibleAsync();
        await Expect(page.Locator("#state-waiting tr[data-cluster='c02']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "dashboard-fleet-page.png");

        // The viewer may press the button, but the dashboard refuses: 403 and the reason.
        var refused = await page.RunAndWaitForResponseAsync(() => approve.ClickAsync(), r => r.Url.EndsWith("/stages/canary/approve", StringComparison.Ordinal));
        refused.Status.Should().Be(403);
        await Expect(page.Locator("#message")).ToContainTextAsync("needs the operator role, and bob is a viewer");
        await ScreenshotAsync(page, "dashboard-approval-refused.png");
        (await GateAsync(fleet)).ApprovedBy.Should().BeNull();

        // The operator signs in and approves; the page shows who approved and when.
        await page.GotoAsync(fleetPage);
        await page.Locator("header button", new() { HasText = "Sign out" }).ClickAsync();
        await page.GotoAsync(fleetPage);
        await SignInAsync(page, AccessFiles.OperatorName, AccessFiles.OperatorPassword);
        await page.Locator("button[data-approve='canary']").ClickAsync();
        await Expect(page.Locator("tr[data-stage='canary'] .approved")).ToContainTextAsync("approved by alice at", new() { Timeout = Patience });
        await ScreenshotAsync(page, "dashboard-approval.png");
        var gate = await GateAsync(fleet);
        gate.ApprovedBy.Should().Be(AccessFiles.OperatorName);
        gate.ApprovedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        // The next stage proceeds: while the cluster that was waiting runs, the page shows each of its nodes' progress.
        var running = page.Locator("#state-running tr[data-cluster='c02']");
        await WithFleetEventsOnFailureAsync(fleet, () =>
            Expect(running.Locator(".node[data-node='c02-n1']")).ToBeVisibleAsync(new() { Timeout = Patience }));
        await Expect(running.Locator(".node")).ToHaveCountAsync(4);
        await Expect(running.Locator(".progress-summary")).ToContainTextAsync(new Regex(@"^\d/4 nodes done.*steps [1-9]\d*/\d+"), new() { Timeout = Patience });
        await ScreenshotAsync(page, "dashboard-running-progress.png");

        // Then it moves to done, without a reload.
        await WithFleetEventsOnFailureAsync(fleet, () =>
            Expect(page.Locator("#state-done tr[data-cluster='c02']")).ToBeVisibleAsync(new() { Timeout = Patience }));

        // Its page has the plan summary, its events and its run report.
        await page.Locator("#state-done a", new() { HasText = "c02" }).ClickAsync();
        await Expect(page.Locator("#plan")).ToContainTextAsync("c02");
        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "dashboard-cluster-page.png");
        await page.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await Expect(page.Locator("form.signin")).ToBeVisibleAsync();
        await page.FillAsync("input[name='user']", user);
        await page.FillAsync("input[name='password']", password);
        await page.Locator("form.signin button").ClickAsync();
        await Expect(page.Locator("#user")).ToHaveTextAsync(user);
    }

    /// <summary>When the page waits in vain, the fleet's own events say whether the engine or the page is behind.</summary>
    private static async Task WithFleetEventsOnFailureAsync(SimulatedFleet fleet, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            var events = await fleet.Host.Store.GetEventsAsync(fleet.FleetId, null, 0, CancellationToken.None);
            throw new InvalidOperationException($"{e.Message}\nFleet events:\n{string.Join("\n", events.Select(x => $"{x.At:HH:mm:ss} {x.Kind} {x.Message}"))}", e);
        }
    }

    private static async Task<GateStatus> GateAsync(SimulatedFleet fleet) =>
        (await fleet.Host.Store.GetStatusAsync(fleet.FleetId, CancellationToken.None))!.Stages.Single(s => s.Name == "canary").Gate!;

    /// <summary>Every run keeps its screenshots beside the test binaries; ALU_SET_BASELINE=1 also refreshes docs/images/.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new() { FullPage = true });
        var local = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(local);
        await File.WriteAllBytesAsync(Path.Combine(local, name), bytes);
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(SimulatedFleet.RepositoryRoot(), "docs", "images", name), bytes);
        }
    }
}
