using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// The shape the operator commands share (<c>alu fleet stop|resume|approve FLEET --db CONN [--format text|json]</c>):
/// the fleet argument, <c>--db</c>, the diagnostics' format, and opening the store and finding the fleet's run in it
/// (ALU7100, ALU7101; exit 2) before the command changes anything.
/// </summary>
internal sealed class FleetControl
{
    private FleetControl(Argument<string> fleet, Option<string> db, Option<string> format)
    {
        Fleet = fleet;
        Db = db;
        Format = format;
    }

    public Argument<string> Fleet { get; }

    public Option<string> Db { get; }

    /// <summary>Where a refusal goes: text on stderr, or the JSON diagnostics document on stdout.</summary>
    public Option<string> Format { get; }

    public static FleetControl Options(string fleetDescription = "The fleet's name (metadata.name), as alu fleet status lists it.") =>
        new(new Argument<string>("fleet") { Description = fleetDescription }, FleetStoreAccess.DbOption(), CommonOptions.Format("text", "json"));

    /// <summary>The command with the shared arguments first, then its own options.</summary>
    public Command Command(string name, string description, params Option[] own)
    {
        var command = new Command(name, description) { Fleet, Db };
        foreach (var option in own)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Format);
        return command;
    }

    public Target Read(ParseResult parse) => new(parse.GetValue(Fleet)!, parse.GetValue(Db)!, CommonOptions.DiagnosticFormat(parse.GetValue(Format)!));

    /// <summary>What an operator command acts on: the fleet, the store, and how to report a refusal.</summary>
    public sealed record Target(string FleetId, string Db, OutputFormat Format);

    /// <summary>The store and the fleet's run in it; null (diagnostic rendered) when either cannot be had.</summary>
    public static async Task<(FleetStore Store, FleetRow Fleet)?> FindAsync(Target target, CliConsole console, CancellationToken cancellationToken)
    {
        if (await FleetStoreAccess.OpenAsync(target.Db, console, target.Format, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return null;
        }

        var store = new FleetStore(database);
        return await FleetLookup.FindAsync(store, target.FleetId, console, cancellationToken, target.Format).ConfigureAwait(false) is { } fleet
            ? (store, fleet)
            : null;
    }
}
