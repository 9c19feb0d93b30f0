using System.Text.Json;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// SIGTERM or SIGHUP during a step that ignores cancellation: the run stops it (or gives it up), journals the
/// step's real outcome, and the process exits with the code its journal holds (130), never 143 behind its back.
/// Each alu starts with the signals the test sends at their default disposition, whatever this test process
/// inherited: under a runner started with nohup, SIGHUP would otherwise reach alu already ignored.
/// </summary>
public sealed class SignalTests
{
    // The step writes the file named by ALU_SIGNAL_TEST_MARKER just before it blocks, so the test signals a step
    // that is inside its sleep, not one still opening its runspace: no waiting for "long enough".
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
              script: "[IO.File]::WriteAllText($env:ALU_SIGNAL_TEST_MARKER, 'sleeping'); [Threading.Thread]::Sleep(30000); 'slept'"
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

        using var run = await SleepyRun.StartAsync(new SignalDispositions([signal], []));

        run.Process.Signal(signal);
        var result = await run.Process.WaitAsync(TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(130, result.ToString());
        run.JournalledExitCode().Should().Be(result.ExitCode);
    }

    [Fact]
    public async Task Started_with_SIGHUP_ignored_as_under_nohup_a_hangup_leaves_the_run_going()
    {
        if (!SpecialFiles.Supported)
        {
            return;
        }

        using var run = await SleepyRun.StartAsync(new SignalDispositions(["TERM"], ["HUP"]));

        // Had alu acted on the hangup, the SIGTERM after it would be a second signal, which ends the process at once
        // (143 or 129) instead of cancelling the run: only an ignored hangup leaves SIGTERM to cancel it (130).
        run.Process.Signal("HUP");
        run.Process.Signal("TERM");
        var result = await run.Process.WaitAsync(TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(130, result.ToString());
        run.JournalledExitCode().Should().Be(130);
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

    /// <summary>alu running <see cref="SleepyRunbook"/>, started and waited for until its step is in the sleep.</summary>
    private sealed class SleepyRun : IDisposable
    {
        private readonly TempStateDirectory _state = new();
        private readonly string _folder = Directory.CreateTempSubdirectory("alu-signal-").FullName;

        private SleepyRun(SignalDispositions signals)
        {
            File.WriteAllText(Path.Combine(_folder, "sleepy.yaml"), SleepyRunbook);
            File.Copy(Path.Combine(AluProcess.RepositoryRoot, "tests", "AzureLocalUpgrade.Cli.Tests", "TestData", "unattended", "cluster.yaml"), Path.Combine(_folder, "cluster.yaml"));
            Process = AluProcess.Start(_folder, new Dictionary<string, string?> { ["ALU_SIGNAL_TEST_MARKER"] = Marker }, signals,
                "run", "sleepy.yaml", "--cluster", "cluster.yaml", "--state-dir", _state.Path);
        }

        public AluProcess Process { get; }

        private string Marker => Path.Combine(_folder, "sleeping");

        public static async Task<SleepyRun> StartAsync(SignalDispositions signals)
        {
            var run = new SleepyRun(signals);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(run.Marker))
            {
                if (run.Process.HasExited || DateTime.UtcNow > deadline)
                {
                    var result = run.Process.HasExited ? (await run.Process.WaitAsync(TimeSpan.FromSeconds(10))).ToString() : "still running after 2 minutes";
                    run.Dispose();
                    throw new InvalidOperationException($"the step never reached its sleep: {result}");
                }

                await Task.Delay(50);
            }

            return run;
        }

        /// <summary>The exit code the run-finished record holds.</summary>
        public int JournalledExitCode()
        {
            var journal = Directory.GetFiles(Path.Combine(_state.Path, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single();
            return File.ReadAllLines(journal)
                .Where(line => line.Length > 0)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Single(r => r.GetProperty("type").GetString() == "run-finished")
                .GetProperty("exitCode").GetInt32();
        }

        public void Dispose()
        {
            Process.Dispose();
            _state.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
