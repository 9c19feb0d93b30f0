using System.Diagnostics;
using System.Text;

namespace AzureLocalUpgrade.Fleet.Tests.Postgres;

/// <summary>
/// Runs one PostgreSQL command-line tool (initdb, pg_ctl) or a system tool (chown) to completion. As root the
/// PostgreSQL tools run as the <c>postgres</c> user through <c>runuser</c>, because initdb and postgres refuse to run
/// as root; as any other user they run as that user.
/// </summary>
internal static class PostgresTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static bool RunningAsRoot => Environment.UserName == "root";

    public static string RunAsServerUser(string tool, params string[] arguments) =>
        RunningAsRoot
            ? Run("runuser", ["-u", "postgres", "--", tool, .. arguments])
            : Run(tool, arguments);

    public static string Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        // Read both streams as events: pg_ctl's server child redirects its own output to the log file, but reading
        // synchronously to the end of a pipe would hang if any grandchild kept it open.
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:0} s.\n{Text(output)}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.\n{Text(output)}");
        }

        return Text(output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
