using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// Run journals in <c>alu_run_journal</c>, one row per record holding the exact JSON line the file journal would
/// hold, read back in append order through the same reader (<see cref="RunJournalReader.Parse"/>), so resume and
/// status fold them exactly as they fold a file.
/// </summary>
internal sealed class PostgresJournalStore(PostgresConnector connector) : IJournalStore
{
    public IRunJournal Open(string runId, IRunClaim? fence)
    {
        PostgresRunNames.CheckRunId(runId);
        // Opening under a claim already lost fails as the file journal does: nothing is written.
        fence?.Guard(static () => { });
        connector.Execute($"open the journal of run {runId}", connection =>
        {
            using var open = new NpgsqlCommand(
                "INSERT INTO alu_runs (run_id, has_journal) VALUES (@run, true) ON CONFLICT (run_id) DO UPDATE SET has_journal = true", connection);
            open.Parameters.AddWithValue("run", runId);
            open.ExecuteNonQuery();
        }, PostgresRunClaim.LeaseOf(fence));
        return new PostgresRunJournal(connector, runId, fence);
    }

    public JournalRead Read(string runId)
    {
        PostgresRunNames.CheckRunId(runId);
        var lines = connector.Execute($"read the journal of run {runId}", connection =>
        {
            // One snapshot for both reads, so a journal is never seen half-listed.
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            using (var exists = new NpgsqlCommand("SELECT 1 FROM alu_runs WHERE run_id = @run AND has_journal", connection, transaction))
            {
                exists.Parameters.AddWithValue("run", runId);
                if (exists.ExecuteScalar() is null)
                {
                    return null;
                }
            }

            using var select = new NpgsqlCommand("SELECT record FROM alu_run_journal WHERE run_id = @run ORDER BY id", connection, transaction);
            select.Parameters.AddWithValue("run", runId);
            var records = new List<string>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                records.Add(reader.GetString(0));
            }

            return records;
        });
        return lines is null
            ? throw new DirectoryNotFoundException($"No run {runId} in the run store {connector.Server} (no journal).")
            : RunJournalReader.Parse(lines, Describe(runId));
    }

    public string Describe(string runId) => $"postgresql://{connector.Server}/alu_run_journal/{runId}";

    public IReadOnlyList<string> List() =>
        connector.Execute("list the runs", connection =>
        {
            using var select = new NpgsqlCommand("SELECT run_id FROM alu_runs WHERE has_journal ORDER BY run_id COLLATE \"C\"", connection);
            var runs = new List<string>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(reader.GetString(0));
            }

            return runs;
        });
}
