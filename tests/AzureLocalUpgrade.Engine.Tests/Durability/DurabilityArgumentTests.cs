using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The lock's and the journal's entry points name a missing argument at once (before any file is touched), and a
/// journal opened in a state folder that does not exist yet creates the folder instead of failing the run's start.
/// </summary>
public sealed class DurabilityArgumentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-durability-args-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Acquiring_a_lock_without_a_clock_is_refused_by_name_and_creates_no_lock()
    {
        var acquire = () => RunLock.Acquire(_folder, "hci01", "run-1", null!);

        acquire.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("time");
        File.Exists(RunLock.PathFor(_folder, "hci01")).Should().BeFalse();
    }

    [Fact]
    public void A_guarded_write_without_a_write_is_refused_by_name()
    {
        using var claim = RunLock.Acquire(_folder, "hci01", "run-1", TimeProvider.System);

        var guard = () => claim.Guard(null!);

        guard.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("write");
    }

    [Fact]
    public void Appending_no_record_is_refused_by_name_and_writes_nothing()
    {
        var path = Path.Combine(_folder, "journal.jsonl");
        using var journal = RunJournal.Open(path, JournalDurability.ProcessCrash);

        var append = () => journal.Append(null!);

        append.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("record");
        new FileInfo(path).Length.Should().Be(0);
    }

    [Fact]
    public void A_journal_opened_in_a_folder_that_does_not_exist_yet_creates_the_folder()
    {
        var path = Path.Combine(_folder, "runs", "run-1", "journal.jsonl");

        using var journal = RunJournal.Open(path, JournalDurability.ProcessCrash);

        File.Exists(path).Should().BeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
