using System.Data.Common;
using System.Reflection;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>
/// Creates Quartz's tables and the fleet tables when they are missing, at every start. Every statement is
/// IF NOT EXISTS; on PostgreSQL a transaction-scoped advisory lock makes two workers starting at the same moment
/// take turns (concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog).
/// </summary>
internal static class SchemaInstaller
{
    // Any fixed number: the key of the advisory lock every alu process takes while it creates tables.
    private const long AdvisoryLockKey = 0x616c75_666c74;

    public static async Task EnsureAsync(FleetDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Dialect == SqlDialect.Sqlite && Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (database.Dialect == SqlDialect.Sqlite)
            {
                // WAL is a property of the file: set once, it holds for every later connection.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (database.Dialect == SqlDialect.Postgres)
                {
                    await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, transaction, QuartzDdl(database.Dialect), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, FleetDdl(database.Dialect), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string QuartzDdl(SqlDialect dialect) => Resource(dialect == SqlDialect.Sqlite ? "quartz.sqlite.sql" : "quartz.postgres.sql");

    public static string FleetDdl(SqlDialect dialect) => Resource("fleet.sql").Replace(
        "{{SEQUENCE}}",
        dialect == SqlDialect.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        StringComparison.Ordinal);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AzureLocalUpgrade.Fleet.Storage.Sql." + name)
            ?? throw new InvalidOperationException($"The DDL resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
