using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>The run-store contract against PostgreSQL: a fresh database per test, on the collection's server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunStoreContractTests : RunStoreContractTests
{
    private readonly PostgresRunStore _store;

    public PostgresRunStoreContractTests(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _store = PostgresRunStore.Open(server.CreateDatabase("contract"));
    }

    protected override IRunStore Store => _store;

    public override void Dispose()
    {
        _store.Dispose();
        base.Dispose();
    }
}
