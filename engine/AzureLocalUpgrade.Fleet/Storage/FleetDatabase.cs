using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>Which SQL engine holds a fleet: the embedded SQLite file, or a PostgreSQL server shared by workers.</summary>
internal enum SqlDialect { Sqlite, Postgres }

/// <summary>
/// Where a fleet's state and Quartz's job store live: one connection string and its dialect. <c>--db</c> takes
/// either a PostgreSQL connection string (<c>Host=...;Database=...;Username=...</c>) or the path of a SQLite file.
/// </summary>
internal sealed record FleetDatabase(SqlDialect Dialect, string ConnectionString)
{
    /// <summary>What a <c>--db</c> value names: key=value pairs with a Host are PostgreSQL; anything else is a file path.</summary>
    public static FleetDatabase Parse(string value, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (LooksLikePostgres(value))
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return Postgres(builder.ConnectionString);
        }

        return Sqlite(Path.GetFullPath(value, workingDirectory));
    }

    public static bool LooksLikePostgres(string value) =>
        value.Contains('=', StringComparison.Ordinal)
        && (value.Contains("host=", StringComparison.OrdinalIgnoreCase) || value.Contains("server=", StringComparison.OrdinalIgnoreCase));

    public static FleetDatabase Postgres(string connectionString) => new(SqlDialect.Postgres, connectionString);

    /// <summary>
    /// A SQLite file. Several connections (Quartz's and ours) write it from one process: the busy timeout lets a
    /// writer wait for the others instead of failing with "database is locked"; WAL (set by the schema installer)
    /// lets readers go on while one writes.
    /// </summary>
    public static FleetDatabase Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60, Pooling = true };
        return new(SqlDialect.Sqlite, builder.ConnectionString);
    }

    /// <summary>The file of a SQLite store, for messages; the host and database of a PostgreSQL one (no password).</summary>
    public string Display => Dialect == SqlDialect.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"postgresql://{b.Host}:{b.Port}/{b.Database}" : "";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Dialect == SqlDialect.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (Dialect == SqlDialect.Sqlite)
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 60000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
