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
    public static AluProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

    private void Signal(string name)
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
