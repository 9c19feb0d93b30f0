using System.CommandLine;
using System.Net;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet serve --db CONN [--urls URLS] [--auth FILE]</c>: the fleet dashboard. Without --auth it is read-only
/// for everyone; with it, people sign in with the file's accounts or tokens and operators approve stage gates.
/// Runs until SIGTERM or Ctrl+C, then exits 0.
/// </summary>
public sealed class FleetServeCommand(CliConsole console)
{
    public sealed record Request(string Db, string Urls, string? AuthFile);

    public static Command Create(CliConsole console)
    {
        var db = new Option<string>("--db") { Description = "The fleet store: a SQLite file (alu fleet run's) or a PostgreSQL connection string.", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated http:// addresses.", DefaultValueFactory = _ => DashboardOptions.DefaultUrls };
        var auth = new Option<string?>("--auth") { Description = "The access file: accounts (salted password hashes) and tokens with their roles (docs/fleets.md)." };
        var command = new Command("serve", "Serve the fleet dashboard: fleets, stages, clusters by state, approvals.") { db, urls, auth };
        command.SetAction((parse, ct) => new FleetServeCommand(console).RunAsync(new Request(parse.GetValue(db)!, parse.GetValue(urls)!, parse.GetValue(auth)), ct));
        return command;
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var renderer = new DiagnosticRenderer(console);
        if (UrlProblem(request.Urls) is { } badUrls)
        {
            renderer.Render([badUrls], OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        DashboardAccess? access = null;
        if (request.AuthFile is { } authFile)
        {
            var bag = new DiagnosticBag();
            access = DashboardAccessLoader.Load(console.FullPath(authFile), bag);
            if (access is null)
            {
                renderer.Render(bag.Items, OutputFormat.Text);
                return ExitCodes.InvalidInput;
            }
        }

        using var signals = new CancellationSignals();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Token);
        var opened = await FleetStoreOpener.OpenAsync(request.Db, console.WorkingDirectory, linked.Token).ConfigureAwait(false);
        if (opened.Store is not { } store)
        {
            renderer.Render([opened.Problem!], OutputFormat.Text);
            return opened.ExitCode;
        }

        var app = DashboardApp.Build(store, new DashboardOptions(request.Urls, access), TimeProvider.System, ConfigureLogging);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(linked.Token).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                renderer.Render([DashboardDiagnostics.CannotListen(request.Urls, e.Message)], OutputFormat.Text);
                return ExitCodes.Failed;
            }

            console.Out.WriteLine($"alu fleet dashboard on {string.Join(", ", app.Urls)} (store: {store.Database.Display}; "
                + (access is null ? "read-only: no --auth, nobody can approve)" : $"{access.Accounts.Count} accounts, {access.Tokens.Count} tokens)"));
            console.Out.WriteLine("Stop with Ctrl+C.");
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM or Ctrl+C: stop serving.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Sign-ins and approvals at Information; the framework's own chatter only from Warning up.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("AzureLocalUpgrade", LogLevel.Information);
    }

    private static Diagnostic? UrlProblem(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return DashboardDiagnostics.UrlsInvalid(urls, "no address given");
        }

        foreach (var part in parts)
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                return DashboardDiagnostics.UrlsInvalid(urls, $"'{part}' is not an http://HOST:PORT address (for TLS, put the dashboard behind a reverse proxy that terminates it)");
            }

            if (uri.Host is not ("localhost" or "*" or "+") && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
            {
                return DashboardDiagnostics.UrlsInvalid(urls, $"'{uri.Host}' is not an IP address, localhost or *: Kestrel listens on addresses, not host names");
            }
        }

        return null;
    }
}
