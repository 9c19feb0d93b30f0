using System.Diagnostics;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// SIGTERM or SIGHUP during a step that ignores cancellation: the run stops it (or gives it up), journals the
/// step's real outcome, and the process exits with the code its journal holds (130), never 143 behind its back.
/// </summary>
public sealed class SignalTests
{
    private const string SleepyRunbook = """
        apiVersion: azurelocal.upgrade/v1
        kind: Runbook
        metadata:
          name: sleepy
          version: 1.0.0
          description: A step that does not look at cancellation.
          upgrade: { from: 22H2, to: 23H2 }
          method: custom
        steps:
          - id: sleep
            name: Sleep in a .NET call
            powershell:
              on: orchestrator
              script: "[Threading.Thread]::Sleep(30000); 'slept'"
            idempotent: true
        """;

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task A_signal_during_a_step_that_ignores_cancellation_exits_with_the_code_the_journal_holds(string signal)
    {
        if (!SpecialFiles.Supported)
        {
            return;
        }

        using var state = new TempStateDirectory();
        var folder = Directory.CreateTempSubdirectory("alu-signal-").FullName;
        File.WriteAllText(Path.Combine(folder, "sleepy.yaml"), SleepyRunbook);
        File.Copy(Path.Combine(AluProcess.RepositoryRoot, "tests", "AzureLocalUpgrade.Cli.Tests", "TestData", "unattended", "cluster.yaml"), Path.Combine(folder, "cluster.yaml"));
        using var process = AluProcess.Start(folder, "run", "sleepy.yaml", "--cluster", "cluster.yaml", "--state-dir", state.Path);

        // Inside the step: its start is journalled, and its script has had time to reach the sleep.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Journal(state.Path).Contains("\"stepId\":\"sleep\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Signal(process.Id, signal);
        var result = await process.WaitAsync(TimeSpan.FromMinutes(1));

        var finished = Journal(state.Path).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(r => r.GetProperty("type").GetString() == "run-finished");
        result.ExitCode.Should().Be(130, result.ToString());
        finished.GetProperty("exitCode").GetInt32().Should().Be(result.ExitCode);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task End_of_input_at_the_approval_prompt_pauses_the_gate_instead_of_asking_again()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        var source = new TerminalApprovalSource(console, new StringReader(""));

        var decision = await source.RequestAsync(new ApprovalRequest("run", "gate", "Gate", null, "orchestrator"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        decision.Verdict.Should().Be(ApprovalVerdict.NotAvailable);
        output.ToString().Should().Contain("run pauses");
    }

    private static string Journal(string stateDir)
    {
        var runs = Path.Combine(stateDir, "runs");
        var journal = Directory.Exists(runs) ? Directory.GetFiles(runs, "journal.jsonl", SearchOption.AllDirectories).SingleOrDefault() : null;
        if (journal is null)
        {
            return "";
        }

        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
