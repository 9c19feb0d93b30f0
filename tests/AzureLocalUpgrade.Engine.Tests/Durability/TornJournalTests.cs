using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>A crash mid-write leaves a torn last line; it must never end up inside the journal or stop a reader.</summary>
public sealed class TornJournalTests : IDisposable
{
    private const string Started = """{"formatVersion":1,"type":"run-started","runId":"r1","run":{"runbookName":"x","runbookVersion":"1","cluster":"c","graphFingerprint":"f","sourceHashes":{},"parameters":{},"stepIds":["a","b"]}}""";
    private const string AStarted = """{"formatVersion":1,"type":"step-started","runId":"r1","stepId":"a","kind":"powershell"}""";
    private const string AFinished = """{"formatVersion":1,"type":"step-finished","runId":"r1","stepId":"a","outcome":"succeeded","attempts":1}""";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-torn-" + Guid.NewGuid().ToString("N"));

    public TornJournalTests() => Directory.CreateDirectory(_folder);

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    [Theory]
    [InlineData("{\"formatVersion\":1,\"type\":\"step-sta")]
    [InlineData("{")]
    [InlineData("\u0000\u0000\u0000")]
    public void Reopening_a_journal_cuts_its_torn_last_line_before_appending(string torn)
    {
        File.WriteAllText(JournalPath, Started + "\n" + AStarted + "\n" + torn);

        using (var journal = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash))
        {
            journal.Append(new JournalRecord { Type = JournalRecordTypes.StepFinished, RunId = "r1", StepId = "a", Outcome = "succeeded", Attempts = 1 });
        }

        var read = RunJournalReader.Read(JournalPath);
        read.Warnings.Should().BeEmpty();
        read.Records.Select(r => r.Type).Should().Equal(JournalRecordTypes.RunStarted, JournalRecordTypes.StepStarted, JournalRecordTypes.StepFinished);
        File.ReadAllLines(JournalPath).Should().HaveCount(3).And.StartWith([Started, AStarted]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("{", 1)]
    [InlineData("{\"formatVersion\":1,\"ty", 22)]
    public void Reopening_a_journal_reports_how_many_bytes_of_a_torn_line_it_cut(string torn, long dropped)
    {
        File.WriteAllText(JournalPath, Started + "\n" + torn);

        using var journal = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash);

        journal.TornTailBytesDropped.Should().Be(dropped);
    }

    [Fact]
    public void A_journal_whose_only_line_is_torn_is_emptied_before_appending()
    {
        File.WriteAllText(JournalPath, "{\"formatVersion\":1,\"ty");

        using (var journal = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash))
        {
            journal.Append(new JournalRecord { Type = JournalRecordTypes.RunResumed, RunId = "r1" });
        }

        File.ReadAllLines(JournalPath).Should().ContainSingle().Which.Should().Contain("run-resumed");
    }

    [Fact]
    public void A_torn_line_longer_than_the_read_block_is_cut_whole()
    {
        var torn = "{\"message\":\"" + new string('x', 20_000);
        File.WriteAllText(JournalPath, Started + "\n" + torn);

        using (RunJournal.Open(JournalPath, JournalDurability.ProcessCrash))
        {
        }

        File.ReadAllText(JournalPath).Should().Be(Started + "\n");
    }

    [Fact]
    public void A_damaged_line_inside_the_journal_is_skipped_with_its_file_and_line_in_a_warning()
    {
        File.WriteAllText(JournalPath, Started + "\n" + "{\"formatVersion\":1,\"type\":\"step-sta\n" + AStarted + "\n" + AFinished + "\n");

        var read = RunJournalReader.Read(JournalPath);

        read.Records.Should().HaveCount(3);
        read.Warnings.Should().ContainSingle().Which.Should().StartWith(JournalPath + ":2: ");
    }

    [Fact]
    public void Resume_state_reads_past_a_damaged_line_and_carries_its_warning()
    {
        File.WriteAllText(JournalPath, Started + "\n" + AStarted + "\n" + "garbage\n" + AFinished + "\n");

        var state = RunJournalReader.ReadResumeState(JournalPath);

        state.Finished.Should().ContainKey("a");
        state.Warnings.Should().ContainSingle().Which.Should().Contain(":3: ");
    }

    [Fact]
    public void A_torn_last_line_is_ignored_by_readers_without_alarm()
    {
        File.WriteAllText(JournalPath, Started + "\n" + AStarted + "\n" + "{\"formatVersion\":1,\"ty");

        var read = RunJournalReader.Read(JournalPath);

        read.Records.Should().HaveCount(2);
        read.Warnings.Should().BeEmpty("a crash while writing the last line is normal; that record was never acknowledged");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
