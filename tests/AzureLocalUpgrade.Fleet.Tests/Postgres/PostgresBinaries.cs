namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

/// <summary>
/// Where the PostgreSQL 15 server binaries are: /usr/lib/postgresql/15/bin (Debian's postgresql-15 package), or the
/// folder named by ALU_PG_BIN. Missing binaries fail the fixture with a message that says what to install, not with a
/// "file not found" from deep inside Process.Start.
/// </summary>
internal sealed record PostgresBinaries(string Folder)
{
    public const string DefaultFolder = "/usr/lib/postgresql/15/bin";
    public const string FolderVariable = "ALU_PG_BIN";

    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    public static PostgresBinaries Locate() =>
        Locate(Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } chosen ? chosen : DefaultFolder);

    public static PostgresBinaries Locate(string folder)
    {
        var binaries = new PostgresBinaries(folder);
        var missing = new[] { binaries.InitDb, binaries.PgCtl, Path.Combine(folder, "postgres") }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need the PostgreSQL 15 server binaries, and {string.Join(", ", missing)} " +
                $"{(missing.Count == 1 ? "is" : "are")} missing. Install them (Debian/Ubuntu: apt-get install -y postgresql-15) " +
                $"or set {FolderVariable} to the folder that holds initdb, pg_ctl and postgres.");
        }

        if (PostgresTool.RunningAsRoot && !File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests run as root, so the server must run as the 'postgres' user (initdb and postgres refuse root), " +
                "and there is no 'postgres' user. Installing the postgresql-15 package creates it.");
        }

        return binaries;
    }
}
