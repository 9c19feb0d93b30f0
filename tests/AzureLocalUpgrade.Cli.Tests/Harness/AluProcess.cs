using System.Diagnostics;

namespace AzureLocalUpgrade.Cli.Tests.Harness;

/// <summary>
/// Runs the real `alu` executable (the Cli project's build output copied beside the tests) as a separate
/// process, the way a scheduler does: no terminal, standard input closed.
/// </summary>
public sealed class AluProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private AluProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The folder holding the repository's runbooks/ and samples/ (the tests run from its build output).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static AluProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string?>(), args);

    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    public static AluProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(workingDirectory, environment, SignalDispositions.Inherited, args);

    /// <summary>
    /// Starts alu with the given signal dispositions instead of the ones this test process inherited. A signal the
    /// parent ignores stays ignored across fork and exec, and the .NET runtime deliberately leaves ignored signals
    /// ignored (so <c>nohup alu run</c> survives a closed terminal): a test runner started under nohup would
    /// otherwise hand alu an ignored SIGHUP and make every SIGHUP test fail there and pass everywhere else.
    /// </summary>
    public static AluProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, SignalDispositions signals, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(signals);
        // env(1) sets the dispositions and then execs dotnet, so the process keeps env's id: Id is alu's.
        var setsSignals = signals.Default.Count > 0 || signals.Ignored.Count > 0;
        var info = new ProcessStartInfo(setsSignals ? "env" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsSignals)
        {
            if (signals.Default.Count > 0)
            {
                info.ArgumentList.Add("--default-signal=" + string.Join(',', signals.Default));
            }

            if (signals.Ignored.Count > 0)
            {
                info.ArgumentList.Add("--ignore-signal=" + string.Join(',', signals.Ignored));
            }

            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alu.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ALU_STATE_DIR");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new AluProcess(process);
    }

    /// <summary>Runs to completion and returns exit code and output.</summary>
    public static async Task<AluResult> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, new Dictionary<string, string?>(), args);

    /// <inheritdoc cref="Start(string, IReadOnlyDictionary{string, string?}, string[])"/>
    public static async Task<AluResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await process.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task<AluResult> WaitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"alu did not exit within {limit}; stderr so far: {await _stderr}");
        }

        return new AluResult(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>SIGKILL: no chance to journal or clean up, as when a machine loses power.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGSTOP: the process freezes where it is, as under Ctrl-Z or a paused VM, holding whatever it held.</summary>
    public void Stop() => Signal("STOP");

    /// <summary>SIGCONT: a stopped process carries on from where it froze.</summary>
    public void Continue() => Signal("CONT");

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>Sends a signal by name (TERM, HUP, STOP, ...) with kill(1), which must succeed.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {_process.Id} failed with exit {kill.ExitCode}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureLocalUpgrade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the repository (AzureLocalUpgrade.sln not found).");
    }
}
