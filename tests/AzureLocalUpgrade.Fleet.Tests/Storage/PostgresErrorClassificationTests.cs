using System.Net.Sockets;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// Which errors the PostgreSQL store rides out, and as what: an outage (the server is away: reconnect, within the
/// outage budget) or a statement timeout (the server answers slowly: try again, under a claim for as long as its lease
/// lasts). Anything else is a real error and is not retried. The SQLSTATE codes are PostgreSQL's (Appendix A).
/// </summary>
public sealed class PostgresErrorClassificationTests
{
    [Theory]
    [InlineData("08000", true, false)] // connection_exception
    [InlineData("08006", true, false)] // connection_failure
    [InlineData("57P01", true, false)] // admin_shutdown: a fast or smart stop
    [InlineData("57P02", true, false)] // crash_shutdown
    [InlineData("57P03", true, false)] // cannot_connect_now: the server is starting
    [InlineData("53300", true, false)] // too_many_connections
    [InlineData("40001", true, false)] // serialization_failure: the whole transaction may run again
    [InlineData("40P01", true, false)] // deadlock_detected
    [InlineData("57014", false, true)] // query_canceled: statement_timeout, or a cancel after the command timeout
    [InlineData("55P03", false, true)] // lock_not_available: lock_timeout
    [InlineData("23505", false, false)] // unique_violation
    [InlineData("42P01", false, false)] // undefined_table
    public void A_server_error_is_an_outage_a_statement_timeout_or_neither_by_its_sqlstate(string sqlState, bool outage, bool statementTimeout)
    {
        var error = new PostgresException("server error", "ERROR", "ERROR", sqlState);

        (PostgresConnector.IsOutage(error), PostgresConnector.IsStatementTimeout(error)).Should().Be((outage, statementTimeout));
    }

    public static TheoryData<Exception, bool, bool> ClientErrors() => new()
    {
        // Past the command timeout, Npgsql reports a TimeoutException inside; the same error while connecting is an
        // outage, which is why the connector only counts it as a slow statement on a connection it opened.
        { new NpgsqlException("timed out", new TimeoutException()), true, true },
        { new NpgsqlException("connection broke", new IOException("reset")), true, false },
        { new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused)), true, false },
        { new NpgsqlException("bad command"), false, false },
        { new SocketException((int)SocketError.HostUnreachable), true, false },
        { new InvalidOperationException("a bug"), false, false },
    };

    [Theory]
    [MemberData(nameof(ClientErrors))]
    public void A_client_error_is_an_outage_a_statement_timeout_or_neither_by_what_it_wraps(Exception error, bool outage, bool statementTimeout)
    {
        (PostgresConnector.IsOutage(error), PostgresConnector.IsStatementTimeout(error)).Should().Be((outage, statementTimeout));
    }

    [Theory]
    [InlineData("", 1.5, 2)] // whole seconds, rounded up: never shorter than asked
    [InlineData("", 0.2, 1)] // at least a second (0 would mean no timeout at all)
    [InlineData("", null, 30)] // Npgsql's own default
    [InlineData(";Command Timeout=7", null, 7)] // the connection string's
    [InlineData(";Command Timeout=7", 3.0, 3)] // the option wins over the connection string
    public void The_command_timeout_is_the_options_in_whole_seconds_else_the_connection_strings(string connection, double? seconds, int expected)
    {
        var options = new PostgresRunStoreOptions("Host=127.0.0.1;Database=alu" + connection, CommandTimeout: seconds is { } s ? TimeSpan.FromSeconds(s) : null);
        using var connector = new PostgresConnector(options);

        connector.CommandTimeout.Should().Be(TimeSpan.FromSeconds(expected));
    }
}
