namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

/// <summary>
/// The test collection that shares one <see cref="PostgresServer"/>: put <c>[Collection(PostgresCollection.Name)]</c>
/// on a test class and take <see cref="PostgresServer"/> (to stop or start it) and/or <see cref="PostgresDatabase"/>
/// (the class's own database) in its constructor. Classes of one collection run one after another, so a test that
/// restarts the server does not disturb another class's test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>The database of one test class on the collection's server (an xunit class fixture).</summary>
public sealed class PostgresDatabase(PostgresServer server)
{
    public PostgresServer Server { get; } = server;

    public string ConnectionString { get; } = server.CreateDatabase("class");
}
