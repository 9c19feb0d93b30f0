using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// The run store's tables, created when missing (every worker may start first, so creation is idempotent and
/// serialised by an advisory lock). <c>alu_run_store_version</c> refuses a database written by a newer alu (ALU7202).
/// </summary>
internal static class PostgresRunSchema
{
    public const int Version = 1;

    // Any fixed number: the key of the advisory lock that serialises schema creation between workers.
    private const long SchemaLockKey = 7_200_000_001;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS alu_run_store_version (
            version integer NOT NULL
        );
        -- One row per cluster ever claimed. The row stays when the claim is released (status 'released'), so the
        -- epoch, the fencing token, only ever grows.
        CREATE TABLE IF NOT EXISTS alu_run_claims (
            cluster          text PRIMARY KEY,
            run_id           text NOT NULL,
            epoch            bigint NOT NULL,
            status           text NOT NULL,
            lease_expires_at timestamptz NULL,
            holder           text NOT NULL,
            claim_token      uuid NOT NULL,
            takeover         text NULL
        );
        CREATE TABLE IF NOT EXISTS alu_runs (
            run_id       text PRIMARY KEY,
            created_at   timestamptz NOT NULL DEFAULT now(),
            create_token uuid NULL,
            has_journal  boolean NOT NULL DEFAULT false
        );
        -- The journal: one row per record, in append order (id). The record is the exact JSON line the file journal
        -- holds. append_id makes an append retried after a lost reply land once.
        CREATE TABLE IF NOT EXISTS alu_run_journal (
            id         bigserial PRIMARY KEY,
            run_id     text NOT NULL,
            append_id  uuid NOT NULL UNIQUE,
            epoch      bigint NULL,
            record     text NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS alu_run_journal_by_run ON alu_run_journal (run_id, id);
        CREATE TABLE IF NOT EXISTS alu_run_documents (
            run_id     text NOT NULL,
            name       text NOT NULL,
            content    bytea NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (run_id, name)
        );
        """;

    public static void Ensure(PostgresConnector connector) =>
        connector.Execute("create the run store tables", connection =>
        {
            using var transaction = connection.BeginTransaction();
            Run(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
            Run(connection, transaction, Tables);
            using (var read = new NpgsqlCommand("SELECT max(version) FROM alu_run_store_version", connection, transaction))
            {
                var found = read.ExecuteScalar();
                if (found is int version && version > Version)
                {
                    throw new InvalidOperationException(
                        $"ALU7202: the run store database {connector.Server} was written by a newer alu (store version {version}, this alu knows {Version}); use that alu version or a new database.");
                }

                if (found is null or DBNull)
                {
                    Run(connection, transaction, $"INSERT INTO alu_run_store_version (version) VALUES ({Version})");
                }
            }

            transaction.Commit();
        });

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
