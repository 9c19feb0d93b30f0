using System.Diagnostics;
using System.Globalization;

namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

/// <summary>
/// The server folders under the shared test root, each marked with the test host that owns it (process id and start
/// time, so a recycled process id is not mistaken for the owner). A test host that crashed leaves its server running and
/// its folder behind; the next fixture stops such a server and deletes the folder. Folders of test hosts that are still
/// alive (other test runs on the same machine) are left alone.
/// </summary>
internal static class StaleServerFolders
{
    private const string OwnerFile = "owner";

    /// <summary>A process id reused within this long of the owner's start is taken for the owner (harmless: kept).</summary>
    private static readonly TimeSpan OwnerStartTolerance = TimeSpan.FromSeconds(1);

    public static void MarkOwned(string folder)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(folder, OwnerFile), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}");
    }

    public static void CleanUp(string root, PostgresBinaries binaries)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (OwnerIsAlive(folder))
            {
                continue;
            }

            StopLeftOverServer(folder, binaries);
            TryDelete(folder);
        }
    }

    private static bool OwnerIsAlive(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFile);
        if (!File.Exists(ownerFile))
        {
            // A folder being created this instant has no owner file yet; only an old one is a leftover.
            return Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-5);
        }

        var parts = File.ReadAllText(ownerFile).Split(' ');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            // Not equal to the tick: on Linux .NET derives a start time from the boot time, which it recomputes on
            // every call (real time minus time since boot), so two processes read the same start a few ticks apart.
            // Demanding equality took every live owner for dead and deleted servers that other test runs were using.
            return Math.Abs(owner.StartTime.ToUniversalTime().Ticks - startTicks) < OwnerStartTolerance.Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void StopLeftOverServer(string folder, PostgresBinaries binaries)
    {
        var data = Path.Combine(folder, PostgresServer.DataFolderName);
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        try
        {
            PostgresTool.RunAsServerUser(binaries.PgCtl, "stop", "-D", data, "-m", "immediate", "-w", "-t", "30");
        }
        catch (InvalidOperationException)
        {
            // The server of a crashed host may already be gone (a stale postmaster.pid); deleting the folder is enough.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another fixture may be cleaning the same leftover at the same moment; whichever wins, it is gone.
        }
    }
}
