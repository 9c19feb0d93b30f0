using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// Runs each store operation on a pooled connection, and rides out a server restart: when the connection breaks or
/// the server refuses connections while it starts or stops, the pool is cleared (its connections all died with the
/// server) and the operation runs again after a doubling pause, until the outage budget is spent; then it stops with
/// <see cref="RunStoreUnavailableException"/> (ALU7201). A slow database is ridden out the same way: a statement
/// that runs past its command timeout (Npgsql cancels it) is tried again after the same doubling pause, within the
/// outage budget, and for a write under a claim for as long as the claim's lease lasts when that is longer (the
/// database refuses such a write once another worker took the cluster over, so waiting longer cannot write twice).
/// Only whole operations are retried, and each is written to be safe to run twice (a transaction that rolled back,
/// or an append carrying its own id).
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
            throw new ArgumentException($"{RunStoreCodes.InvalidConnectionString}: the database connection string is not valid: {e.Message}", nameof(options), e);
        }

        // A short connect timeout: a stopped server answers at once (connection refused), a vanished host must not hold
        // one attempt for the whole budget.
        if (!options.ConnectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }

        if (options.CommandTimeout is { } commandTimeout)
        {
            builder.CommandTimeout = Math.Max(1, (int)Math.Ceiling(commandTimeout.TotalSeconds));
        }

        CommandTimeout = TimeSpan.FromSeconds(builder.CommandTimeout);
        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server { get; }

    /// <summary>How long one statement may run before Npgsql cancels it (the connection string's, or Npgsql's 30 s).</summary>
    public TimeSpan CommandTimeout { get; }

    /// <param name="leaseLeft">For a write under a claim: how long the claim's lease still lasts. A statement that
    /// times out is retried until then, even past the outage budget. Null: the outage budget bounds every retry.</param>
    public T Execute<T>(string operation, Func<NpgsqlConnection, T> work, Func<TimeSpan>? leaseLeft = null)
    {
        var clock = Stopwatch.StartNew();
        var delay = _options.FirstDelay;
        var timeouts = 0;
        for (var attempt = 1; ; attempt++)
        {
            var connected = false;
            try
            {
                using var connection = _dataSource.OpenConnection();
                connected = true;
                return work(connection);
            }
            catch (Exception e) when (IsOutage(e) || IsStatementTimeout(e))
            {
                // A statement that timed out on a working connection means a slow database, not a dead one: the pool's
                // other connections are fine. A connect that timed out counts as an outage.
                var slow = connected && IsStatementTimeout(e);
                if (slow)
                {
                    timeouts++;
                }
                else
                {
                    _dataSource.Clear();
                }

                var withinBudget = clock.Elapsed + delay <= _options.Budget;
                var withinLease = slow && leaseLeft is not null && delay < leaseLeft();
                if (!withinBudget && !withinLease)
                {
                    throw Unavailable(operation, clock.Elapsed, attempt, timeouts, e);
                }

                Thread.Sleep(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxDelay.Ticks));
            }
        }
    }

    public void Execute(string operation, Action<NpgsqlConnection> work, Func<TimeSpan>? leaseLeft = null) =>
        Execute(operation, connection =>
        {
            work(connection);
            return 0;
        }, leaseLeft);

    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// The statement ran too long and was cancelled: past the command timeout (Npgsql cancelled it and reports a
    /// <see cref="TimeoutException"/>), by the server's <c>statement_timeout</c> (57014) or its <c>lock_timeout</c>
    /// (55P03). The database answers, slowly; the statement did not take effect (or, when its cancel came too late,
    /// took effect once, which the operation's own id or token finds).
    /// </summary>
    internal static bool IsStatementTimeout(Exception e) => e switch
    {
        PostgresException p => p.SqlState is "57014" or "55P03",
        NpgsqlException n => n.InnerException is TimeoutException,
        _ => false,
    };

    private RunStoreUnavailableException Unavailable(string operation, TimeSpan elapsed, int attempts, int timeouts, Exception last)
    {
        var what = timeouts == attempts
            ? $"was too slow to {operation}: each of {attempts} attempt(s) over {elapsed.TotalSeconds:0} s ran past the {CommandTimeout.TotalSeconds:0} s command timeout"
            : $"could not be reached to {operation} for {elapsed.TotalSeconds:0} s ({attempts} attempt(s), {timeouts} of them past the command timeout)";
        return new RunStoreUnavailableException(
            $"{RunStoreUnavailableException.Code}: the run store database {Server} {what}; last error: {last.Message}. Nothing more was written; " +
            "the run continues from its journal once the database answers again (resume it).", last);
    }

    /// <summary>The server is (re)starting, stopping or unreachable: worth another attempt on a new connection.</summary>
    internal static bool IsOutage(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        _ => e is SocketException,
    };
}
