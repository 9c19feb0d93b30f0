using System.Diagnostics;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

/// <summary>A real `alu` process (the Cli built beside these tests), to be waited for or killed with SIGKILL.</summary>
internal sealed class AluProcess : IDisposable
{
    private readonly Process _process;

    private AluProcess(Process process) => _process = process;

    public static string AluDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(TestFleets.RepositoryRoot, "engine", "AzureLocalUpgrade.Cli", "bin", configuration, "net10.0", "alu.dll");
        }
    }

    public static AluProcess Start(string workingDirectory, params string[] arguments) =>
        Start(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables set for the process only (e.g. the test lease ALU_TEST_LOCK_LEASE).</param>
    public static AluProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(AluDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AluProcess(process);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>SIGSTOP: the process freezes where it is (no handler can run) until <see cref="Continue"/>.</summary>
    public void Stall() => Signal("STOP");

    /// <summary>SIGCONT: a stalled process carries on from where it stood, unaware of the time that passed.</summary>
    public void Continue() => Signal("CONT");

    /// <summary>SIGKILL: no handler runs, no cleanup happens (kill -9).</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {_process.Id} exited with {kill.ExitCode}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
