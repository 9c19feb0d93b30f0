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

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private RunLockOptions Process(int pid) => new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "this-host", pid, _time.Now, (_, _) => true);
}
