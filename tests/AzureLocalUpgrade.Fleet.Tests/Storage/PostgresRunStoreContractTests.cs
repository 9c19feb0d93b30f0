using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>The run-store contract against PostgreSQL: a fresh database per test, on the collection's server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunStoreContractTests : RunStoreContractTests
{
    private readonly PostgresRunStore _store;
    private readonly string _database;

    public PostgresRunStoreContractTests(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _database = server.CreateDatabase("contract");
        _store = PostgresRunStore.Open(_database);
    }

    protected override IRunStore Store => _store;

    protected override string StoredText()
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var dump = new NpgsqlCommand("""
            SELECT coalesce(string_agg(t, E'\n'), '') FROM (
                SELECT c::text AS t FROM alu_run_claims c
                UNION ALL SELECT j::text FROM alu_run_journal j
                UNION ALL SELECT r::text FROM alu_runs r
                UNION ALL SELECT d::text || convert_from(d.content, 'UTF8') FROM alu_run_documents d) everything
            """, connection);
        return (string)dump.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }
}
