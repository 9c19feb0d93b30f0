namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>How a <see cref="PostgresRunStore"/> reaches its database and how long it rides out an outage.</summary>
/// <param name="ConnectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>).</param>
/// <param name="OutageBudget">How long one operation keeps reconnecting while the server is unreachable (a restart
/// takes seconds) before the run stops with ALU7201. Longer than a PostgreSQL restart, shorter than a lock lease, so
/// a holder that cannot reach the database stops writing before another worker may take its cluster over.</param>
/// <param name="FirstRetryDelay">The wait before the first reconnect; it doubles up to <see cref="MaxRetryDelay"/>.</param>
/// <param name="CommandTimeout">How long one statement may take before it is cancelled and tried again (a slow
/// database, not an outage: see <see cref="PostgresConnector"/>). Npgsql's own default, 30 s, unless the connection
/// string sets <c>Command Timeout</c>; tests shorten it to make a slow database in seconds.</param>
public sealed record PostgresRunStoreOptions(
    string ConnectionString,
    TimeSpan? OutageBudget = null,
    TimeSpan? FirstRetryDelay = null,
    TimeSpan? MaxRetryDelay = null,
    TimeSpan? CommandTimeout = null)
{
    public static readonly TimeSpan DefaultOutageBudget = TimeSpan.FromSeconds(60);

    public TimeSpan Budget => OutageBudget ?? DefaultOutageBudget;

    public TimeSpan FirstDelay => FirstRetryDelay ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay => MaxRetryDelay ?? TimeSpan.FromSeconds(2);
}
