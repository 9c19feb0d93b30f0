using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet report FLEET --db CONN [--format markdown|html] [--out FILE]</c>: the fleet report (stage by stage,
/// cluster by cluster, durations, failures, gates) from the store, on stdout or into a file.
/// </summary>
public sealed class FleetReportCommand(CliConsole console)
{
    public sealed record Request(string Fleet, string Db, string Format, string? OutFile);

    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet run: its id, or its fleet's name (the newest run of that name)." };
        var db = new Option<string>("--db") { Description = "The fleet store: a SQLite file (alu fleet run's) or a PostgreSQL connection string.", Required = true };
        var format = CommonOptions.Format("markdown", "html");
        var outFile = new Option<string?>("--out", "-o") { Description = "Write the report to this file instead of stdout." };
        var command = new Command("report", "Write a fleet run's report: Markdown, or one self-contained HTML page.") { fleet, db, format, outFile };
        command.SetAction((parse, ct) => new FleetReportCommand(console).RunAsync(
            new Request(parse.GetValue(fleet)!, parse.GetValue(db)!, parse.GetValue(format)!, parse.GetValue(outFile)), ct));
        return command;
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var renderer = new DiagnosticRenderer(console);
        var opened = await FleetStoreOpener.OpenAsync(request.Db, console.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        if (opened.Store is not { } store)
        {
            renderer.Render([opened.Problem!], OutputFormat.Text);
            return opened.ExitCode;
        }

        var fleets = await store.ListFleetsAsync(cancellationToken).ConfigureAwait(false);
        var fleetId = Resolve(fleets, request.Fleet);
        var report = fleetId is null ? null : await FleetReport.LoadAsync(store, fleetId, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            renderer.Render([DashboardDiagnostics.FleetNotFound(request.Fleet, [.. fleets.Select(f => f.FleetId)])], OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        var text = request.Format == "html" ? HtmlFleetReport.Render(report) : MarkdownFleetReport.Render(report);
        if (request.OutFile is { } outFile)
        {
            var path = console.FullPath(outFile);
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(console.DisplayPath(path));
        }
        else
        {
            console.Out.Write(text);
        }

        return ExitCodes.Success;
    }

    /// <summary>A run id names one run; a fleet name names its newest run.</summary>
    private static string? Resolve(IReadOnlyList<FleetSummary> fleets, string fleet) =>
        fleets.FirstOrDefault(f => f.FleetId == fleet)?.FleetId
        ?? fleets.Where(f => f.FleetName == fleet).OrderByDescending(f => f.StartedAt).FirstOrDefault()?.FleetId;
}
