using System.Diagnostics;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Schedulers;

/// <summary>
/// What a scheduler's machine holds before the first firing: a reviewed plan of the shipped SConfig runbook for the
/// simulated two-node sample cluster, an approval of every gate of that plan, and a state folder whose simulated
/// clock stands inside the samples' window (Saturday 22:30 UTC, which is Sunday 00:30 in Europe/Berlin). Two nodes,
/// because with the twin's realistic timings (docs/cmdlet-surface.md) four need more than the 5.5 hours left then.
/// </summary>
internal sealed partial class SampleWorkspace : IDisposable
{
    private SampleWorkspace() { }

    public string Path { get; } = Directory.CreateTempSubdirectory("alu-scheduler-").FullName;

    public string StateDir => System.IO.Path.Combine(Path, "state");

    public string Plan => System.IO.Path.Combine(Path, "plan.json");

    public string Approvals => System.IO.Path.Combine(Path, "approvals.yaml");

    private string Cluster => System.IO.Path.Combine(Path, "cluster.yaml");

    public static async Task<SampleWorkspace> Create()
    {
        var workspace = new SampleWorkspace();
        File.Copy(System.IO.Path.Combine(AluProcess.RepositoryRoot, "samples", "clusters", "two-node-22h2.yaml"), workspace.Cluster);
        var runbook = System.IO.Path.Combine(AluProcess.RepositoryRoot, "runbooks", "22h2-to-23h2", "sconfig.yaml");
        var plan = await CliRun.Of(workspace.Path, "plan", runbook, "--cluster", workspace.Cluster, "--out", workspace.Plan);
        plan.ExitCode.Should().Be(0, plan.Error);
        File.WriteAllText(workspace.Approvals, $"""
            apiVersion: azurelocal.upgrade/v1
            kind: Approval
            planHash: {PlanHash().Match(plan.Error + plan.Out).Value}
            approvedBy: change.board
            approvedAt: 2025-06-05T16:00:00Z
            ticket: CHG0042
            gates: ["*"]
            """);
        var advance = await CliRun.Of(workspace.Path, "sim", "advance", "--cluster", workspace.Cluster, "--state-dir", workspace.StateDir, "--to", "2025-06-07T22:30:00Z");
        advance.ExitCode.Should().Be(0, advance.Error);
        return workspace;
    }

    /// <summary>Fires the sample as its scheduler would: through alu-continue.sh when the sample uses it.</summary>
    public Task<CliRun> Fire(SchedulerSample sample)
    {
        var arguments = sample.WithPaths(Plan, Approvals, StateDir);
        return sample.ThroughWrapper ? FireThroughWrapper(arguments) : CliRun.Of(Path, [.. arguments]);
    }

    /// <summary>Runs samples/schedulers/alu-continue.sh with the real alu (the Cli build beside the tests).</summary>
    public async Task<CliRun> FireThroughWrapper(IReadOnlyList<string> arguments)
    {
        var alu = System.IO.Path.Combine(Path, "alu");
        File.WriteAllText(alu, $"#!/bin/sh\nexec dotnet '{System.IO.Path.Combine(AppContext.BaseDirectory, "alu.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(alu, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(System.IO.Path.Combine(AluProcess.RepositoryRoot, "samples", "schedulers", "alu-continue.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ALU"] = alu;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ALU_STATE_DIR");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex PlanHash();
}
