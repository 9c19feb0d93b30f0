using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// The guard file every claim change passes through (<c>locks/&lt;cluster&gt;.guard</c>): another process holding it
/// for a moment makes a claim wait, not fail; a guard that cannot be opened at all fails at once and is not left
/// taken inside this process.
/// </summary>
public sealed class LockGuardContentionTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-guard-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    private string GuardPath => Path.ChangeExtension(RunLock.PathFor(_state, "hci01"), ".guard");

    [Fact]
    public async Task A_claim_waits_while_another_process_holds_the_guard_and_goes_ahead_when_it_lets_go()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(GuardPath)!);
        var otherProcess = new FileStream(GuardPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var started = new ManualResetEventSlim();
        var claim = Task.Factory.StartNew(
            () =>
            {
                started.Set();
                return RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
            },
            TaskCreationOptions.LongRunning);
        started.Wait();
        Thread.Sleep(300);

        claim.IsCompleted.Should().BeFalse("the guard is held by another process");
        otherProcess.Dispose();

        using var acquired = await claim;
        acquired.Holder.RunId.Should().Be("run-1");
    }

    [Fact]
    public void A_guard_that_cannot_be_opened_fails_at_once_and_is_not_left_taken_for_other_threads()
    {
        Directory.CreateDirectory(GuardPath); // a folder where the guard file should be: opening it fails outright

        var first = () => RunLock.Acquire(_state, "hci01", "run-1", _time, Process(100));
        first.Should().Throw<UnauthorizedAccessException>();

        Exception? second = null;
        var thread = new Thread(() =>
        {
            try
            {
                RunLock.Acquire(_state, "hci01", "run-2", _time, Process(200)).Dispose();
            }
            catch (Exception error)
            {
                second = error;
            }
        });
        thread.Start();
        thread.Join();

        second.Should().BeOfType<UnauthorizedAccessException>("the first attempt let go of the guard inside this process");
    }

    [Fact]
    public void Another_process_holding_the_guard_too_long_is_named_with_how_to_continue_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(GuardPath)!);
        using var otherProcess = new FileStream(GuardPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var enter = () => LockFileGuard.Enter(GuardPath, TimeSpan.FromSeconds(1)).Dispose();

        var error = enter.Should().Throw<IOException>().Which;
        error.Message.Should().Be(
            $"Another alu process has held {GuardPath} for over 1 s. If an alu process is stopped (Ctrl-Z, SIGSTOP, a paused VM), continue it (fg, kill -CONT) or end it, then try again.");
        error.InnerException.Should().BeAssignableTo<IOException>();
    }

    [Fact]
    public void A_thread_of_this_process_holding_the_guard_too_long_times_the_others_out_and_then_lets_go()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(GuardPath)!);
        using var held = new ManualResetEventSlim();
        using var letGo = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            using (LockFileGuard.Enter(GuardPath))
            {
                held.Set();
                letGo.Wait();
            }
        });
        holder.Start();
        held.Wait();

        var enter = () => LockFileGuard.Enter(GuardPath, TimeSpan.FromSeconds(1)).Dispose();

        enter.Should().Throw<IOException>().WithMessage($"Timed out after 1 s waiting for {GuardPath} inside this process.");
        letGo.Set();
        holder.Join();
        enter.Should().NotThrow("the holder let go of both the file and the monitor");
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private RunLockOptions Process(int pid) => new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", pid, _time.Now, (_, _) => true);
}
