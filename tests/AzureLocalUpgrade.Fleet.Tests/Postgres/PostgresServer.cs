using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

/// <summary>How <see cref="PostgresServer.Stop"/> ends the server (pg_ctl's shutdown modes).</summary>
public enum PostgresStopMode
{
    /// <summary>Clients are disconnected, the server shuts down cleanly: a planned restart.</summary>
    Fast,

    /// <summary>The server processes quit at once and recover from the WAL on the next start: a crash.</summary>
    Immediate,
}

/// <summary>
/// A throw-away PostgreSQL 15 server for tests: initdb into a fresh folder under the temp folder (owned by the
/// <c>postgres</c> user when the tests run as root), started with pg_ctl on a free port, listening on 127.0.0.1 only,
/// trust authentication, fsync off. Each test class gets its own database (<see cref="DatabaseFor"/>). A test can stop
/// and start the server to simulate a restart mid-run. Disposing stops the server and deletes the folder; folders that
/// crashed test hosts left behind are cleaned when the next server starts.
/// Use it through the <see cref="PostgresCollection"/> (one server per test collection) and <see cref="PostgresDatabase"/>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    internal const string DataFolderName = "data";
    private const int PortAttempts = 5;

    private readonly PostgresBinaries _binaries;
    private readonly ConcurrentDictionary<string, Lazy<string>> _classDatabases = new(StringComparer.Ordinal);
    private int _databaseCount;
    private bool _disposed;

    public PostgresServer()
    {
        _binaries = PostgresBinaries.Locate();
        var root = TestRoot();
        StaleServerFolders.CleanUp(root, _binaries);

        Folder = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Folder);
        StaleServerFolders.MarkOwned(Folder);
        try
        {
            GiveToServerUser(Folder);
            InitializeCluster();
            StartOnAFreePort();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The folder that holds the cluster's data folder and the server log.</summary>
    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, DataFolderName);

    public string LogFile => Path.Combine(Folder, "server.log");

    public int Port { get; private set; }

    public bool IsRunning { get; private set; }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, over TCP to 127.0.0.1.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;

    /// <summary>
    /// The database of one test class: created on the first call for that class, the same on every later call (xunit
    /// creates the class once per test). Returns its connection string.
    /// </summary>
    public string DatabaseFor(Type testClass) =>
        _classDatabases.GetOrAdd(testClass.FullName ?? testClass.Name, _ => new Lazy<string>(() => CreateDatabase(testClass.Name))).Value;

    /// <summary>Creates a new, empty database whose name starts with <paramref name="nameHint"/>; returns its connection string.</summary>
    public string CreateDatabase(string nameHint)
    {
        var name = DatabaseName(nameHint, Interlocked.Increment(ref _databaseCount));
        using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Stops the server; pooled Npgsql connections to it break, as they would in production.</summary>
    public void Stop(PostgresStopMode mode = PostgresStopMode.Fast)
    {
        var modeName = mode == PostgresStopMode.Fast ? "fast" : "immediate";
        PostgresTool.RunAsServerUser(_binaries.PgCtl, "stop", "-D", DataFolder, "-m", modeName, "-w", "-t", "60");
        IsRunning = false;
    }

    /// <summary>Starts the server again on the same port, with the same data.</summary>
    public void Start()
    {
        try
        {
            PostgresTool.RunAsServerUser(_binaries.PgCtl, "start", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
                "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}\nServer log ({LogFile}):\n{LogTail()}", e);
        }

        IsRunning = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopQuietly();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next fixture's leftover clean-up (its owner, this process, will be gone by then).
        }
    }

    private static string TestRoot()
    {
        // As root the server runs as 'postgres', which must be able to reach the folder: /tmp is open to every user,
        // a private TMPDIR of root's may not be.
        var root = Environment.GetEnvironmentVariable("ALU_PG_TEST_ROOT") is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(PostgresTool.RunningAsRoot ? "/tmp" : Path.GetTempPath(), "alu-pg-tests");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The PostgreSQL test server runs the Linux PostgreSQL 15 binaries.");
        }

        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return root;
    }

    private static void GiveToServerUser(string folder)
    {
        if (PostgresTool.RunningAsRoot)
        {
            PostgresTool.Run("chown", ["postgres:postgres", folder]);
        }
    }

    private void InitializeCluster()
    {
        PostgresTool.RunAsServerUser(_binaries.InitDb, "-D", DataFolder, "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions");
        // Test settings: local TCP only, the socket in our own folder (the system's socket folder may not exist or be
        // writable), no fsync (the data is thrown away; a server crash keeps what the OS was given, which is what the
        // restart tests need, so synchronous_commit stays on), small memory (8 helpers share this machine), enough
        // connections for Quartz plus several stores.
        File.AppendAllText(Path.Combine(DataFolder, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{Folder}'
            fsync = off
            full_page_writes = off
            shared_buffers = 16MB
            max_connections = 150
            """);
    }

    private void StartOnAFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && LogTail().Contains("could not bind", StringComparison.Ordinal))
            {
                // Another process took the port between our probe and the server's bind; try another.
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void StopQuietly()
    {
        if (!File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            return;
        }

        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            try
            {
                Stop(PostgresStopMode.Immediate);
            }
            catch (InvalidOperationException)
            {
                // Nothing more to do here; the next fixture cleans up what is left.
            }
        }
    }

    private string LogTail()
    {
        if (!File.Exists(LogFile))
        {
            return "(no log)";
        }

        var lines = File.ReadAllLines(LogFile);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
    }

    private static string DatabaseName(string hint, int number)
    {
        var letters = new string(hint.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').ToArray());
        return $"t_{(letters.Length > 40 ? letters[..40] : letters)}_{number.ToString(CultureInfo.InvariantCulture)}";
    }
}
