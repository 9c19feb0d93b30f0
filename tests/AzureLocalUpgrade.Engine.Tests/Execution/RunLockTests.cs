using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class RunLockTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-lock-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void A_second_run_cannot_claim_a_held_cluster_and_is_told_who_holds_it()
    {
        using var first = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: true));

        var second = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200, alive: true));

        second.Should().Throw<LockHeldException>()
            .Where(e => e.Holder.RunId == "run-1" && e.Message.Contains("run run-1", StringComparison.Ordinal) && e.Message.Contains("process 100", StringComparison.Ordinal));
    }

    [Fact]
    public void The_claim_of_a_holder_process_that_is_gone_is_taken_over_with_an_audit()
    {
        RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: false)).Dispose();

        using var second = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200, alive: false));

        second.Takeover.Should().NotBeNull();
        second.Takeover!.PreviousHolder!.RunId.Should().Be("run-1");
        second.Takeover.Reason.Should().Contain("holder process 100");
        RunLock.Peek(_state, "hci01")!.RunId.Should().Be("run-2");
    }

    [Fact]
    public void The_claim_of_another_host_is_taken_over_only_after_its_lease_expired()
    {
        RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: true) with { HostName = "other-host" }).Dispose();

        var tooEarly = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200, alive: true));
        tooEarly.Should().Throw<LockHeldException>();

        _time.Now += TimeSpan.FromMinutes(3);
        using var late = RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200, alive: true));
        late.Takeover!.Reason.Should().Contain("lease expired");
    }

    [Fact]
    public void A_paused_claim_blocks_new_runs_but_not_its_own_resume()
    {
        using (var paused = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: false)))
        {
            paused.MarkPaused("waiting for approval of secure-boot");
        }

        _time.Now += TimeSpan.FromDays(2);
        var other = () => RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200, alive: true));
        other.Should().Throw<LockHeldException>().Where(e => e.Message.Contains("alu resume run-1", StringComparison.Ordinal));

        using var resumed = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(300, alive: true));
        resumed.Holder.Status.Should().Be(LockHolder.Running);
        resumed.Takeover!.Reason.Should().Be("resuming paused run run-1");
    }

    [Fact]
    public void Releasing_frees_the_cluster()
    {
        var claim = RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100, alive: true));

        claim.Release();

        RunLock.Peek(_state, "hci01").Should().BeNull();
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private RunLockOptions Process(int pid, bool alive) =>
        new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", pid, _time.Now, (_, _) => alive);
}
