using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// Opens the fleet store a reader names with --db (a SQLite file or a PostgreSQL connection string) and checks it
/// answers before anything is served or written: a mistyped path is a diagnostic, not an empty dashboard.
/// </summary>
internal static class FleetStoreOpener
{
    public sealed record Opened(FleetStore? Store, Diagnostic? Problem, int ExitCode);

    public static async Task<Opened> OpenAsync(string db, string workingDirectory, CancellationToken cancellationToken)
    {
        FleetDatabase database;
        try
        {
            database = FleetDatabase.Parse(db, workingDirectory);
        }
        catch (ArgumentException e)
        {
            return new Opened(null, StoreProblem(null, $"--db is not a SQLite file path or a PostgreSQL connection string ({e.Message})"), ExitCodes.InvalidInput);
        }

        if (database.Dialect == SqlDialect.Sqlite && !File.Exists(database.Display))
        {
            return new Opened(null, StoreProblem(database.Display, $"there is no fleet store at {database.Display}"), ExitCodes.InvalidInput);
        }

        try
        {
            await SchemaInstaller.EnsureAsync(database, cancellationToken).ConfigureAwait(false);
            var store = new FleetStore(database);
            await store.ListFleetsAsync(cancellationToken).ConfigureAwait(false);
            return new Opened(store, null, ExitCodes.Success);
        }
#pragma warning disable CA1031 // Any failure to reach the store (network, authentication, a file that is not SQLite) is reported the same way.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new Opened(null, StoreProblem(database.Display, $"the fleet store {database.Display} cannot be read: {EchoText.Short(e.Message)}"), ExitCodes.Failed);
        }
    }

    private static Diagnostic StoreProblem(string? display, string message) =>
        new(DashboardCodes.StoreUnusable, Severity.Error, SourceSpan.None, message + ".",
            display is null
                ? "Give --db a SQLite file (the store alu fleet run wrote under the state folder) or Host=...;Database=...;Username=..."
                : "Check --db: the SQLite file alu fleet run wrote (under the state folder), or a PostgreSQL server that is up and accepts this user.");
}
