using System.Diagnostics;

namespace AzureLocalUpgrade.Cli.Tests.Harness;

/// <summary>Files that are not regular files, for the tests that alu refuses to read them.</summary>
internal static class SpecialFiles
{
    /// <summary>True where FIFOs and /dev/zero exist (Linux, macOS).</summary>
    public static bool Supported => !OperatingSystem.IsWindows() && File.Exists("/dev/zero");

    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/> with mkfifo(1); nobody ever writes to it.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0, $"mkfifo {path}");
        return path;
    }

    /// <summary>A sparse file of <paramref name="bytes"/> zero bytes: instant to make, costly only to read.</summary>
    public static string Sparse(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(bytes);
        return path;
    }
}
