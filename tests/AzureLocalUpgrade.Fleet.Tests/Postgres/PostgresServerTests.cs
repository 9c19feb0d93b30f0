using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public void The_server_is_PostgreSQL_15_on_the_loopback_address()
    {
        using var connection = Open(server.ConnectionString());

        Scalar(connection, "SHOW server_version").Should().StartWith("15.");
        Scalar(connection, "SELECT inet_server_addr()::text").Should().Be("127.0.0.1/32");
    }

    [Fact]
    public void A_test_class_gets_one_database_of_its_own()
    {
        var first = server.DatabaseFor(typeof(PostgresServerTests));

        server.DatabaseFor(typeof(PostgresServerTests)).Should().Be(first);
        server.DatabaseFor(typeof(PostgresCollection)).Should().NotBe(first);
        using var connection = Open(first);
        Scalar(connection, "SELECT current_database()").Should().StartWith("t_postgresservertests_");
    }

    [Fact]
    public void Committed_rows_survive_a_clean_restart()
    {
        var database = server.CreateDatabase("restart");
        Execute(database, "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");

        server.Stop();
        server.IsRunning.Should().BeFalse();
        server.Start();

        using var connection = Open(database);
        Scalar(connection, "SELECT v FROM t").Should().Be("kept");
    }

    [Fact]
    public void Committed_rows_survive_a_server_crash()
    {
        var database = server.CreateDatabase("crash");
        Execute(database, "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");

        server.Stop(PostgresStopMode.Immediate);
        server.Start();

        using var connection = Open(database);
        Scalar(connection, "SELECT v FROM t").Should().Be("kept");
    }

    [Fact]
    public void A_connection_open_across_a_restart_breaks_and_a_new_one_works()
    {
        var database = server.CreateDatabase("broken");
        using var before = Open(database);

        server.Stop();
        server.Start();

        var reuse = () => Scalar(before, "SELECT 1");
        reuse.Should().Throw<NpgsqlException>();
        using var after = Open(database);
        Scalar(after, "SELECT 1").Should().Be("1");
    }

    [Fact]
    public void Disposing_stops_the_server_and_deletes_its_folder()
    {
        var other = new PostgresServer();
        var connectionString = other.ConnectionString();

        other.Dispose();

        Directory.Exists(other.Folder).Should().BeFalse();
        var connect = () => Open(connectionString);
        connect.Should().Throw<NpgsqlException>();
    }

    [Fact]
    public void A_server_left_behind_by_a_crashed_test_host_is_stopped_and_deleted_by_the_next_fixture()
    {
        var orphan = new PostgresServer();
        // The owner becomes a process that has exited, as if the test host had been killed with the server running.
        File.WriteAllText(Path.Combine(orphan.Folder, "owner"), $"{ExitedProcessId()} 0");

        using var next = new PostgresServer();

        Directory.Exists(orphan.Folder).Should().BeFalse();
        var connect = () => Open(orphan.ConnectionString());
        connect.Should().Throw<NpgsqlException>();
        orphan.Dispose();
    }

    [Fact]
    public void Missing_binaries_fail_with_what_to_install()
    {
        var locate = () => PostgresBinaries.Locate("/nonexistent/postgresql/15/bin");

        locate.Should().Throw<InvalidOperationException>()
            .Where(e => e.Message.Contains("/nonexistent/postgresql/15/bin/initdb", StringComparison.Ordinal)
                && e.Message.Contains("apt-get install -y postgresql-15", StringComparison.Ordinal)
                && e.Message.Contains(PostgresBinaries.FolderVariable, StringComparison.Ordinal));
    }

    private static int ExitedProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        return connection;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseFixtureTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void The_class_fixture_gives_the_class_a_database_on_the_collection_server()
    {
        using var connection = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        connection.Open();

        connection.Port.Should().Be(database.Server.Port);
        connection.Database.Should().StartWith("t_class_");
    }
}
