using AzureLocalUpgrade.Engine.Execution.Storage;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>Run documents (run.json, pinned files, reports) in <c>alu_run_documents</c>, each row replaced whole.</summary>
internal sealed class PostgresRunDocumentStore(PostgresConnector connector) : IRunDocumentStore
{
    public void Create(string runId)
    {
        PostgresRunNames.CheckRunId(runId);
        var token = Guid.NewGuid();
        var created = connector.Execute($"create run {runId}", connection =>
        {
            using var insert = new NpgsqlCommand(
                "INSERT INTO alu_runs (run_id, create_token) VALUES (@run, @token) ON CONFLICT (run_id) DO NOTHING", connection);
            insert.Parameters.AddWithValue("run", runId);
            insert.Parameters.AddWithValue("token", token);
            if (insert.ExecuteNonQuery() == 1)
            {
                return true;
            }

            // An earlier attempt of this call may have committed before the connection broke.
            using var check = new NpgsqlCommand("SELECT create_token = @token FROM alu_runs WHERE run_id = @run", connection);
            check.Parameters.AddWithValue("run", runId);
            check.Parameters.AddWithValue("token", token);
            return check.ExecuteScalar() is true;
        });
        if (!created)
        {
            throw new IOException($"Run {runId} already exists in the run store {connector.Server}.");
        }
    }

    public void Delete(string runId)
    {
        PostgresRunNames.CheckRunId(runId);
        connector.Execute($"delete run {runId}", connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var table in new[] { "alu_run_documents", "alu_run_journal", "alu_runs" })
            {
                using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE run_id = @run", connection, transaction);
                delete.Parameters.AddWithValue("run", runId);
                delete.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    public void Write(string runId, string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PostgresRunNames.CheckRunId(runId);
        var key = PostgresRunNames.CheckDocumentName(name);
        connector.Execute($"write {key} of run {runId}", connection =>
        {
            using var upsert = new NpgsqlCommand("""
                INSERT INTO alu_run_documents (run_id, name, content) VALUES (@run, @name, @content)
                ON CONFLICT (run_id, name) DO UPDATE SET content = excluded.content, updated_at = now()
                """, connection);
            upsert.Parameters.AddWithValue("run", runId);
            upsert.Parameters.AddWithValue("name", key);
            upsert.Parameters.AddWithValue("content", content);
            upsert.ExecuteNonQuery();
        });
    }

    public byte[]? Read(string runId, string name)
    {
        PostgresRunNames.CheckRunId(runId);
        var key = PostgresRunNames.CheckDocumentName(name);
        return connector.Execute($"read {key} of run {runId}", connection =>
        {
            using var select = new NpgsqlCommand("SELECT content FROM alu_run_documents WHERE run_id = @run AND name = @name", connection);
            select.Parameters.AddWithValue("run", runId);
            select.Parameters.AddWithValue("name", key);
            return select.ExecuteScalar() as byte[];
        });
    }
}
