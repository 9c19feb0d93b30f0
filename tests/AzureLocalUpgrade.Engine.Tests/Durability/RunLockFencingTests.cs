using System.Text;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The cluster lock as fencing: every claim a higher epoch, a stale holder (stopped past its lease) can neither write
/// the journal nor touch the new holder's claim, damaged lock files never wedge a cluster, heartbeats renew.
/// </summary>
public sealed class RunLockFencingTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-fence-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    private string LockPath => RunLock.PathFor(_state, "hci01");

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("\0\0\0\0")]
    [InlineData("{\"unrelated\": true}")]
    [InlineData("[1,2,3]")]
    public void An_unreadable_lock_file_is_taken_over_as_a_stale_claim_and_says_so(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        File.WriteAllText(LockPath, content);

        using var claim = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));

        claim.Takeover.Should().NotBeNull();
        claim.Takeover!.PreviousHolder.Should().BeNull();
        claim.Takeover.Reason.Should().Contain("unreadable").And.Contain($"{Encoding.UTF8.GetByteCount(content)} bytes");
        claim.Takeover.HolderMayStillRun.Should().BeTrue();
        RunLock.Peek(_state, "hci01")!.RunId.Should().Be("run-2");
    }

    [Fact]
    public void A_claim_never_leaves_a_partial_lock_file_or_a_temp_file_behind()
    {
        using var claim = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        claim.MarkPaused("waiting");

        Directory.GetFiles(Path.GetDirectoryName(LockPath)!).Select(Path.GetFileName)
            .Should().BeEquivalentTo("hci01.json", "hci01.epoch", "hci01.guard");
        RunLock.Peek(_state, "hci01")!.Status.Should().Be(LockHolder.Paused);
    }

    [Fact]
    public void Every_claim_gets_a_higher_epoch_than_any_before_it_even_after_a_release()
    {
        var epochs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var claim = RunLock.Acquire(_state, "hci01", $"run-{i}", _time, Process(100 + i));
            epochs.Add(claim.Epoch);
            claim.Release();
        }

        using var last = RunLock.Acquire(_state, "hci01", "run-9", _time, Process(200));
        _time.Now += Lease + TimeSpan.FromSeconds(1);
        using var takenOver = RunLock.Acquire(_state, "hci01", "run-9", _time, Process(300));

        epochs.Add(last.Epoch);
        epochs.Add(takenOver.Epoch);
        epochs.Should().Equal(1, 2, 3, 4, 5);
        RunLock.Peek(_state, "hci01")!.Epoch.Should().Be(5);
    }

    [Fact]
    public void The_epoch_survives_a_deleted_counter_through_the_claim_it_replaces()
    {
        using var first = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        File.Delete(Path.ChangeExtension(LockPath, ".epoch"));
        _time.Now += Lease + TimeSpan.FromSeconds(1);

        using var second = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(200));

        second.Epoch.Should().BeGreaterThan(first.Epoch);
    }

    [Fact]
    public void The_heartbeat_renews_the_lease_so_a_live_holder_is_never_taken_over()
    {
        using var holder = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, heartbeat: TimeSpan.FromSeconds(30)));

        _time.Advance(TimeSpan.FromMinutes(10));

        var contender = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));
        contender.Should().Throw<LockHeldException>();
        RunLock.Peek(_state, "hci01")!.LeaseExpiresAt.Should().BeAfter(_time.Now);
    }

    [Fact]
    public void A_lease_that_ends_exactly_now_is_still_held()
    {
        using var holder = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        _time.Now += Lease;

        var contender = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));

        contender.Should().Throw<LockHeldException>();
        _time.Now += TimeSpan.FromTicks(1);
        using var late = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));
        late.Takeover!.HolderMayStillRun.Should().BeTrue("a holder whose lease expired may only be stopped, not gone");
    }

    [Fact]
    public void A_takeover_from_a_process_that_is_gone_knows_nothing_is_still_running()
    {
        RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: false)).Dispose();

        using var second = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(200, alive: false));

        second.Takeover!.HolderMayStillRun.Should().BeFalse();
    }

    [Theory]
    [InlineData("run-1", "this-host")]
    [InlineData("run-2", "this-host")]
    [InlineData("run-1", "other-host")]
    public void A_stale_holder_cannot_release_pause_or_renew_over_the_new_claim(string newRunId, string newHost)
    {
        using var stale = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, heartbeat: TimeSpan.FromSeconds(30)));
        _time.Now += Lease + TimeSpan.FromSeconds(1);
        using var current = RunLock.Acquire(_state, "hci01", newRunId, _time, Process(200) with { HostName = newHost });
        var claim = File.ReadAllBytes(LockPath);

        _time.Advance(TimeSpan.FromMinutes(1));
        var afterRenew = File.ReadAllBytes(LockPath);
        stale.MarkPaused("cancelled");
        stale.Release();

        stale.Lost.Should().BeTrue();
        afterRenew.Should().Equal(claim, "the stale holder's heartbeat must not overwrite the new claim");
        File.ReadAllBytes(LockPath).Should().Equal(claim);
        current.Lost.Should().BeFalse();
    }

    [Fact]
    public void A_stale_holder_journal_append_is_refused_and_writes_nothing()
    {
        var journalPath = Path.Combine(_state, "journal.jsonl");
        using var stale = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        using var staleJournal = RunJournal.Open(journalPath, JournalDurability.ProcessCrash, stale);
        staleJournal.Append(Record("a"));
        _time.Now += Lease + TimeSpan.FromSeconds(1);
        using var current = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(200));
        var before = File.ReadAllText(journalPath);

        var append = () => staleJournal.Append(Record("b"));

        append.Should().Throw<ClaimLostException>().Which.Message.Should().Contain("epoch 1").And.Contain("epoch 2");
        File.ReadAllText(journalPath).Should().Be(before);
        using var currentJournal = RunJournal.Open(journalPath, JournalDurability.ProcessCrash, current);
        currentJournal.Append(Record("c"));
        RunJournalReader.ReadRecords(journalPath).Select(r => r.StepId).Should().Equal("a", "c");
    }

    [Fact]
    public void A_journal_append_is_visible_to_other_readers_before_it_returns()
    {
        var journalPath = Path.Combine(_state, "journal.jsonl");
        using var claim = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        using var journal = RunJournal.Open(journalPath, JournalDurability.ProcessCrash, claim);

        journal.Append(Record("a"));

        RunJournalReader.ReadRecords(journalPath).Should().ContainSingle().Which.StepId.Should().Be("a");
    }

    [Fact]
    public void After_a_release_the_old_holder_can_neither_write_nor_free_a_new_claim()
    {
        var old = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        old.Release();
        using var next = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(100));

        old.Release();
        var write = () => old.Guard(() => { });

        write.Should().Throw<ClaimLostException>();
        RunLock.Peek(_state, "hci01")!.RunId.Should().Be("run-2");
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private static JournalRecord Record(string step) => new() { Type = JournalRecordTypes.StepStarted, RunId = "run-1", StepId = step };

    private RunLockOptions Process(int pid, bool alive = true, TimeSpan? heartbeat = null) =>
        new(Lease, heartbeat ?? TimeSpan.FromHours(1), "this-host", pid, _time.Now, (_, _) => alive);
}
