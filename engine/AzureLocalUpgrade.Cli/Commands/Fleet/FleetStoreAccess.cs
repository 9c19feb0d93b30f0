using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// What the fleet commands share about <c>--db</c>: the option, turning its value into a store (a PostgreSQL
/// connection string with a Host, or a SQLite file path), and every failure to reach it as ALU7100 with a hint
/// (exit 2), never a stack trace.
/// </summary>
internal static class FleetStoreAccess
{
    public static Option<string> DbOption(bool required = true) => new("--db")
    {
        Description = "The fleet store: a PostgreSQL connection string (\"Host=db;Database=alu;Username=alu\") or a SQLite file path.",
        Required = required,
    };

    /// <summary>Parses --db and makes sure the store's tables exist; null (diagnostic rendered) when it cannot.</summary>
    public static async Task<FleetDatabase?> OpenAsync(string value, CliConsole console, OutputFormat format, CancellationToken cancellationToken)
    {
        FleetDatabase database;
        try
        {
            database = FleetDatabase.Parse(value, console.WorkingDirectory);
        }
        catch (ArgumentException ex)
        {
            Render(console, format, FleetRunCodes.StoreUnavailable, $"--db: not a valid connection string: {ex.Message}",
                "Give a PostgreSQL connection string such as \"Host=localhost;Port=5432;Database=alu;Username=alu\", or the path of a SQLite file.");
            return null;
        }

        try
        {
            await SchemaInstaller.EnsureAsync(database, cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            Render(console, format, FleetRunCodes.StoreUnavailable, $"--db {database.Display}: the fleet store cannot be used: {ex.Message}",
                database.Dialect == SqlDialect.Postgres
                    ? "Check that the PostgreSQL server is running and reachable, and that the user may create tables in the database."
                    : "Check that the folder exists and is writable, and that the file is a SQLite database (or does not exist yet).");
            return null;
        }
    }

    public static bool IsStoreFailure(Exception ex) =>
        ex is DbException or SocketException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException;

    public static void Render(CliConsole console, OutputFormat format, string code, string message, string hint) =>
        new DiagnosticRenderer(console).Render([new Diagnostic(code, Severity.Error, Engine.Text.SourceSpan.None, message, hint)], format);
}
