using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// A run store in PostgreSQL, for cluster runs of a fleet on workers that share one database: the claims with their
/// fencing epochs, the journals and the run documents (manifest, pinned files, reports) live in the alu_run_* tables,
/// created on first use. Pass it as <c>RunCoordinatorSettings.Store</c>; read status with
/// <c>new RunStatusReader(store)</c> and reports with <c>RunReportBuilder.Build(store, runId)</c>. A server restart is
/// ridden out (reconnect with a bounded retry); a longer outage stops the operation with ALU7201.
/// </summary>
public sealed class PostgresRunStore : IRunStore, IDisposable
{
    private readonly PostgresConnector _connector;

    private PostgresRunStore(PostgresConnector connector)
    {
        _connector = connector;
        Claims = new PostgresClaimStore(connector);
        Journals = new PostgresJournalStore(connector);
        Documents = new PostgresRunDocumentStore(connector);
    }

    public IClaimStore Claims { get; }

    public IJournalStore Journals { get; }

    public IRunDocumentStore Documents { get; }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server => _connector.Server;

    /// <summary>Connects (riding out a server that is still starting) and creates the tables when missing.</summary>
    /// <exception cref="ArgumentException">ALU7200: the connection string is not valid.</exception>
    /// <exception cref="RunStoreUnavailableException">ALU7201: the database stayed unreachable for the outage budget.</exception>
    /// <exception cref="InvalidOperationException">ALU7202: the database was written by a newer alu.</exception>
    public static PostgresRunStore Open(PostgresRunStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connector = new PostgresConnector(options);
        try
        {
            PostgresRunSchema.Ensure(connector);
            return new PostgresRunStore(connector);
        }
        catch
        {
            connector.Dispose();
            throw;
        }
    }

    public static PostgresRunStore Open(string connectionString) => Open(new PostgresRunStoreOptions(connectionString));

    public void Dispose() => _connector.Dispose();
}
