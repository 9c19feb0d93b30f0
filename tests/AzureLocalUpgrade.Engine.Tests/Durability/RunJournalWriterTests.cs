using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The journal writer's own promises: every record goes at the end of the file as it is now (another writer may have
/// appended since), a closed journal takes no more records and closes only once, and a journal whose claim is lost
/// is neither opened nor left open.
/// </summary>
public sealed class RunJournalWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-journal-" + Guid.NewGuid().ToString("N"));

    public RunJournalWriterTests() => Directory.CreateDirectory(_folder);

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    [Fact]
    public void A_record_goes_after_what_another_writer_appended_since_this_one_last_wrote()
    {
        using var first = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash);
        using var second = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash);

        first.Append(Record("a"));
        second.Append(Record("b"));
        first.Append(Record("c"));

        RunJournalReader.ReadRecords(JournalPath).Select(r => r.StepId).Should().Equal("a", "b", "c");
    }

    [Fact]
    public void A_closed_journal_refuses_more_records()
    {
        var journal = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash);
        journal.Dispose();

        var append = () => journal.Append(Record("a"));

        append.Should().Throw<ObjectDisposedException>().Which.ObjectName.Should().Be(typeof(RunJournal).FullName);
    }

    [Fact]
    public void Closing_a_journal_twice_is_harmless()
    {
        var journal = RunJournal.Open(JournalPath, JournalDurability.ProcessCrash);
        journal.Append(Record("a"));
        journal.Dispose();

        var again = () => journal.Dispose();

        again.Should().NotThrow();
        RunJournalReader.ReadRecords(JournalPath).Should().ContainSingle();
    }

    [Fact]
    public void A_journal_whose_claim_is_lost_is_not_opened_and_its_file_is_not_left_open()
    {
        File.WriteAllText(JournalPath, "{\"type\":\"run-st");

        var open = () => RunJournal.Open(JournalPath, JournalDurability.ProcessCrash, new LostClaim());

        open.Should().Throw<ClaimLostException>();
        File.ReadAllText(JournalPath).Should().Be("{\"type\":\"run-st", "a process without the claim repairs nothing");
        var exclusive = () => new FileStream(JournalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
        exclusive.Should().NotThrow("the refused open closed the file again");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JournalRecord Record(string step) =>
        new() { Type = JournalRecordTypes.StepStarted, RunId = "r1", StepId = step, Kind = "powershell" };

    private sealed class LostClaim : IJournalFence
    {
        public void Guard(Action write) => throw new ClaimLostException("another process holds the cluster now");
    }
}
