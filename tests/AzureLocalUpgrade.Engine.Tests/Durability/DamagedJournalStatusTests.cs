using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>`alu status` over a state folder where one journal has a damaged line: every run still shows, with a warning.</summary>
public sealed class DamagedJournalStatusTests : IDisposable
{
    private const string Started = """{"type":"run-started","runId":"RUN","time":"2026-11-23T02:15:00+00:00","run":{"runbookName":"x","runbookVersion":"1","cluster":"hci01","graphFingerprint":"f","sourceHashes":{},"parameters":{},"stepIds":["a"]}}""";
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-status-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_run_is_listed_and_the_damaged_line_is_named_by_file_and_line()
    {
        Journal("run-1", Started, "garbage", """{"type":"step-started","stepId":"a"}""");
        Journal("run-2", Started);
        var reader = new RunStatusReader(_state);

        var runs = reader.ListRuns();

        runs.Select(r => r.RunId).Should().Equal("run-1", "run-2");
        reader.Warnings.Should().ContainSingle().Which.Should().Be($"{Path.Combine(_state, "runs", "run-1", "journal.jsonl")}:2: damaged journal line skipped ('g' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.)");
    }

    [Fact]
    public void One_run_with_a_damaged_line_still_shows_its_steps()
    {
        Journal("run-1", Started, "{\"type\":", """{"type":"step-started","stepId":"a"}""");
        var reader = new RunStatusReader(_state);

        var detail = reader.ReadRun("run-1");

        detail.Steps.Should().ContainSingle().Which.Status.Should().Be(Engine.Execution.StepStatus.Running);
        reader.Warnings.Should().ContainSingle().Which.Should().Contain("journal.jsonl:2: ");
    }

    [Fact]
    public void A_journal_of_a_newer_format_leaves_its_run_out_with_a_warning_not_the_whole_list()
    {
        Journal("run-1", Started.Replace("{\"type\"", "{\"formatVersion\":9,\"type\"", StringComparison.Ordinal));
        Journal("run-2", Started);
        var reader = new RunStatusReader(_state);

        reader.ListRuns().Select(r => r.RunId).Should().Equal("run-2");
        reader.Warnings.Should().ContainSingle().Which.Should().StartWith("run run-1 left out: ").And.Contain("newer");
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private void Journal(string runId, params string[] lines)
    {
        var folder = Path.Combine(_state, "runs", runId);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "journal.jsonl"), lines.Select(l => l.Replace("RUN", runId, StringComparison.Ordinal)));
    }
}
