namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>The diagnostic codes of the PostgreSQL run store (ALU7200-ALU7299; docs/diagnostics.md, ALU72xx).</summary>
public static class RunStoreCodes
{
    /// <summary>The connection string is not valid (exit 2).</summary>
    public const string InvalidConnectionString = "ALU7200";

    /// <summary>The database stayed unreachable past the outage budget (<see cref="RunStoreUnavailableException"/>).</summary>
    public const string Unavailable = "ALU7201";

    /// <summary>The database was written by a newer alu (exit 2).</summary>
    public const string NewerStore = "ALU7202";
}
