using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// Makes PostgreSQL slow for real: another connection holds tables in ACCESS EXCLUSIVE mode (what a long migration
/// or a VACUUM FULL does), so every statement on them waits in the server until the lock is let go.
/// </summary>
internal sealed class HeldTableLock : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldTableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Takes the lock now and lets it go after <paramref name="duration"/>; the task ends when it is let go.</summary>
    public static Task HoldFor(string connectionString, TimeSpan duration, params string[] tables)
    {
        var held = Take(connectionString, tables);
        return Task.Run(async () =>
        {
            using (held)
            {
                await Task.Delay(duration).ConfigureAwait(false);
            }
        });
    }

    public static HeldTableLock Take(string connectionString, params string[] tables)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand($"LOCK TABLE {string.Join(", ", tables)} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        command.ExecuteNonQuery();
        return new HeldTableLock(connection, transaction);
    }

    public void Dispose()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
