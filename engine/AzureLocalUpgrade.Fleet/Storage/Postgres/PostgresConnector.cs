using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// Runs each store operation on a pooled connection, and rides out a server restart: when the connection breaks or
/// the server refuses connections while it starts or stops, the pool is cleared (its connections all died with the
/// server) and the operation runs again after a doubling pause, until the outage budget is spent; then it stops with
/// <see cref="RunStoreUnavailableException"/> (ALU7201). Only whole operations are retried, and each is written to be
/// safe to run twice (a transaction that rolled back, or an append carrying its own id).
/// </summary>
internal sealed class PostgresConnector : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRunStoreOptions _options;

    public PostgresConnector(PostgresRunStoreOptions options)
    {
        _options = options;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"ALU7200: the database connection string is not valid: {e.Message}", nameof(options), e);
        }

        // A short connect timeout: a stopped server answers at once (connection refused), a vanished host must not hold
        // one attempt for the whole budget.
        if (!options.ConnectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }

        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server { get; }

    public T Execute<T>(string operation, Func<NpgsqlConnection, T> work)
    {
        var clock = Stopwatch.StartNew();
        var delay = _options.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = _dataSource.OpenConnection();
                return work(connection);
            }
            catch (Exception e) when (IsOutage(e))
            {
                _dataSource.Clear();
                if (clock.Elapsed + delay > _options.Budget)
                {
                    throw new RunStoreUnavailableException(
                        $"{RunStoreUnavailableException.Code}: the run store database {Server} could not be reached to {operation} for " +
                        $"{clock.Elapsed.TotalSeconds:0} s ({attempt} attempts; last error: {e.Message}). Nothing more was written; " +
                        "the run continues from its journal once the database is back (resume it).", e);
                }

                Thread.Sleep(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxDelay.Ticks));
            }
        }
    }

    public void Execute(string operation, Action<NpgsqlConnection> work) =>
        Execute(operation, connection =>
        {
            work(connection);
            return 0;
        });

    public void Dispose() => _dataSource.Dispose();

    /// <summary>The server is (re)starting, stopping or unreachable: worth another attempt on a new connection.</summary>
    internal static bool IsOutage(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        _ => e is SocketException,
    };
}
