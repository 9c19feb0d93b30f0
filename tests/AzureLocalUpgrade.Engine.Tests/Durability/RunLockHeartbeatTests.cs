using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The heartbeat's end: pausing, releasing or disposing a claim stops it, and a beat its timer had already queued
/// when that happened (a real timer runs callbacks on the thread pool, possibly after it was disposed) finds nothing
/// to renew: it writes nothing and does not mistake a released claim for a lost one.
/// </summary>
public sealed class RunLockHeartbeatTests : IDisposable
{
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(30);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-heartbeat-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    private string LockPath => RunLock.PathFor(_state, "hci01");

    [Fact]
    public void A_running_claim_has_its_heartbeat_set()
    {
        using var claim = Acquire("run-1", 100);

        _time.ActiveTimers.Should().Be(1);
    }

    [Fact]
    public void Pausing_a_claim_stops_its_heartbeat()
    {
        using var claim = Acquire("run-1", 100);

        claim.MarkPaused("waiting for approval of secure-boot");

        _time.ActiveTimers.Should().Be(0);
    }

    [Fact]
    public void Releasing_a_claim_stops_its_heartbeat()
    {
        var claim = Acquire("run-1", 100);

        claim.Release();

        _time.ActiveTimers.Should().Be(0);
    }

    [Fact]
    public void Disposing_a_claim_stops_its_heartbeat_and_keeps_its_lock_file()
    {
        var claim = Acquire("run-1", 100);
        var held = File.ReadAllBytes(LockPath);

        claim.Dispose();
        _time.Advance(TimeSpan.FromHours(1));

        _time.ActiveTimers.Should().Be(0);
        File.ReadAllBytes(LockPath).Should().Equal(held);
    }

    [Fact]
    public void A_paused_claim_stays_byte_for_byte_as_it_was_paused_however_long_it_waits()
    {
        using var claim = Acquire("run-1", 100);
        claim.MarkPaused("waiting for approval of secure-boot");
        var paused = File.ReadAllBytes(LockPath);

        _time.Advance(TimeSpan.FromDays(2));

        File.ReadAllBytes(LockPath).Should().Equal(paused);
    }

    [Fact]
    public void A_beat_queued_before_the_claim_was_paused_leaves_the_paused_claim_without_a_lease()
    {
        using var claim = Acquire("run-1", 100);
        var queued = _time.AdvanceQueuingCallbacks(Beat);
        claim.MarkPaused("waiting for approval of secure-boot");
        var paused = File.ReadAllBytes(LockPath);

        RunAll(queued);

        queued.Should().ContainSingle("one beat was due");
        File.ReadAllBytes(LockPath).Should().Equal(paused, "a paused claim has no lease to renew");
    }

    [Fact]
    public void A_beat_queued_before_the_claim_was_released_leaves_the_cluster_free_and_the_claim_not_lost()
    {
        var claim = Acquire("run-1", 100);
        var queued = _time.AdvanceQueuingCallbacks(Beat);
        claim.Release();

        RunAll(queued);

        queued.Should().ContainSingle("one beat was due");
        File.Exists(LockPath).Should().BeFalse();
        claim.Lost.Should().BeFalse("the claim was given back; nobody took it over");
    }

    [Fact]
    public void A_beat_queued_before_the_claim_was_released_leaves_the_next_runs_claim_as_it_is()
    {
        var claim = Acquire("run-1", 100);
        var queued = _time.AdvanceQueuingCallbacks(Beat);
        claim.Release();
        using var next = Acquire("run-2", 200);
        var nextClaim = File.ReadAllBytes(LockPath);

        RunAll(queued);

        File.ReadAllBytes(LockPath).Should().Equal(nextClaim);
        claim.Lost.Should().BeFalse("the cluster was given back before the next run claimed it");
    }

    [Fact]
    public void Releasing_a_claim_twice_is_one_release_not_a_lost_claim()
    {
        var claim = Acquire("run-1", 100);
        claim.Release();

        claim.Release();

        claim.Lost.Should().BeFalse("the second release has nothing left to give back");
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private static void RunAll(IReadOnlyList<Action> beats)
    {
        foreach (var beat in beats)
        {
            beat();
        }
    }

    private RunLock Acquire(string runId, int pid) =>
        RunLock.Acquire(_state, "hci01", runId, _time, new RunLockOptions(TimeSpan.FromMinutes(2), Beat, "this-host", pid, _time.Now, (_, _) => true));
}
