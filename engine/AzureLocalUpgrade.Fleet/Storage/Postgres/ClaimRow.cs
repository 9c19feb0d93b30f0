using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// One row of <c>alu_run_claims</c> as read. <see cref="Holder"/> is the same JSON a lock file holds (null when it
/// cannot be read); <see cref="Token"/> identifies the claim call that wrote the row.
/// </summary>
internal sealed record ClaimRow(string Status, long Epoch, LockHolder? Holder, Guid Token, LockTakeover? Takeover)
{
    /// <summary>The row of a cluster nobody holds; it stays, so the epoch keeps growing across claims.</summary>
    public const string ReleasedStatus = "released";

    public static ClaimRow? Read(NpgsqlConnection connection, NpgsqlTransaction? transaction, string cluster, bool forUpdate)
    {
        using var command = new NpgsqlCommand(
            "SELECT status, epoch, holder, claim_token, takeover FROM alu_run_claims WHERE cluster = @cluster" + (forUpdate ? " FOR UPDATE" : ""),
            connection, transaction);
        command.Parameters.AddWithValue("cluster", cluster);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ClaimRow(
            reader.GetString(0),
            reader.GetInt64(1),
            Parse<LockHolder>(reader.GetString(2)) is { RunId: not null, Host: not null, Status: not null } holder ? holder : null,
            reader.GetGuid(3),
            reader.IsDBNull(4) ? null : Parse<LockTakeover>(reader.GetString(4)));
    }

    public static string Serialize(LockHolder holder) => JsonSerializer.Serialize(holder, JournalJson.Indented);

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return json.Length == 0 ? null : JsonSerializer.Deserialize<T>(json, JournalJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
