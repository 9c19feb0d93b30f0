using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The cluster lock's smaller promises, each found missing by mutation testing (docs/mutation-testing.md): where the
/// lock lives, that a state folder without locks reads as free, and what the messages say to the person reading them.
/// </summary>
public sealed class RunLockDetailTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-lockdetail-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void The_lock_of_a_cluster_is_its_file_in_the_locks_folder_of_the_state_folder() =>
        RunLock.PathFor(_state, "hci01").Should().Be(Path.Combine(_state, "locks", "hci01.json"));

    [Fact]
    public void A_state_folder_that_has_never_held_a_lock_reads_as_free()
    {
        Directory.CreateDirectory(_state);

        RunLock.Peek(_state, "hci01").Should().BeNull("the locks folder does not exist yet");
    }

    [Fact]
    public void A_locks_folder_without_this_clusters_lock_reads_as_free()
    {
        using (RunLock.Acquire(_state, "hci02", "run-1", _time, Process(100)))
        {
            RunLock.Peek(_state, "hci01").Should().BeNull();
        }
    }

    [Theory]
    [InlineData("", "(0 bytes)")]
    [InlineData("{", "(1 bytes, not a lock record)")]
    [InlineData("[1,2,3]", "(7 bytes, not a lock record)")]
    public void A_takeover_of_an_unreadable_lock_says_whether_it_was_empty_or_garbage(string content, string described)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RunLock.PathFor(_state, "hci01"))!);
        File.WriteAllText(RunLock.PathFor(_state, "hci01"), content);

        using var claim = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));

        claim.Takeover!.Reason.Should().Be($"the lock file was unreadable {described}; taken over as a stale claim");
    }

    [Fact]
    public void A_holder_that_lost_its_claim_is_told_who_holds_the_cluster_now_and_that_it_wrote_nothing()
    {
        using var stale = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        _time.Now += Lease + TimeSpan.FromSeconds(1);
        using var current = RunLock.Acquire(_state, "hci01", "run-9", _time, Process(200));

        var write = () => stale.Guard(() => { });

        var message = write.Should().Throw<ClaimLostException>().Which.Message;
        message.Should().StartWith("this process lost its claim on cluster hci01 (run run-1, epoch 1): another alu process took it over after the lease expired")
            .And.Contain($"it is now held by {RunLock.Peek(_state, "hci01")!.Describe()} with epoch 2")
            .And.EndWith("This process wrote nothing more.");
        stale.Lost.Should().BeTrue();
    }

    [Fact]
    public void A_holder_whose_cluster_was_freed_after_the_takeover_is_told_nobody_holds_it()
    {
        using var stale = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        _time.Now += Lease + TimeSpan.FromSeconds(1);
        RunLock.Acquire(_state, "hci01", "run-9", _time, Process(200)).Release();

        var write = () => stale.Guard(() => { });

        write.Should().Throw<ClaimLostException>().Which.Message.Should().Contain("; nobody holds it now.");
    }

    [Fact]
    public void A_held_cluster_is_refused_naming_the_holder_its_process_and_its_lease()
    {
        var claimedAt = _time.Now;
        using var holder = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));

        var contender = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));

        contender.Should().Throw<LockHeldException>().Which.Message.Should().Be(
            $"Cluster hci01 is locked by run run-1 (host this-host, process 100, last heartbeat {claimedAt:u}, lease until {claimedAt + Lease:u}).");
    }

    [Fact]
    public void A_paused_cluster_is_refused_naming_why_it_waits_and_how_to_continue_it()
    {
        var pausedAt = _time.Now + TimeSpan.FromMinutes(5);
        using (var holder = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100)))
        {
            _time.Now = pausedAt;
            holder.MarkPaused("waiting for approval");
        }

        var contender = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200));

        contender.Should().Throw<LockHeldException>().Which.Message.Should().Be(
            $"Cluster hci01 is locked by run run-1 (paused since {pausedAt:u}: waiting for approval; host this-host). Continue it with: alu resume run-1.");
    }

    [Fact]
    public void A_paused_claim_without_a_reason_is_described_as_resumable()
    {
        var holder = new LockHolder("run-1", "hci01", "this-host", 100, _time.Now, _time.Now, _time.Now, null, LockHolder.Paused, null);

        holder.Describe().Should().Contain(": resumable; host this-host)");
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private RunLockOptions Process(int pid) => new(Lease, TimeSpan.FromHours(1), "this-host", pid, _time.Now, (_, _) => true);
}
