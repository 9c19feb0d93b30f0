using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Utility;

/// <summary>
/// Work a run has in flight at once overlaps in virtual time (<see cref="VirtualTimeScheduler"/>): the clock moves only
/// when every piece of counted work waits on it, to the earliest instant one waits for.
/// </summary>
public sealed class OverlappingWorkTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Two_sessions_sleeping_45_minutes_at_once_both_wake_45_minutes_later()
    {
        var start = _sim.Cluster.Now;
        var sessions = new[] { _sim.Open(_sim.Node(1)), _sim.Open(_sim.Node(2)) };
        foreach (var _ in sessions)
        {
            _sim.Cluster.Clock.EnterWork(); // two steps of a run in flight
        }

        var woke = await Task.WhenAll(sessions.Select(session => Task.Run(() =>
        {
            SimulatorHarness.Run(session, "Start-Sleep -Seconds 2700");
            var now = _sim.Cluster.Now;
            _sim.Cluster.Clock.LeaveWork();
            return now;
        })));

        woke.Should().Equal(start.AddMinutes(45), start.AddMinutes(45));
        _sim.Cluster.Now.Should().Be(start.AddMinutes(45));
    }

    [Fact]
    public async Task The_clock_waits_for_work_that_has_not_yet_waited()
    {
        var start = _sim.Cluster.Now;
        _sim.Cluster.Clock.EnterWork(); // the sleeper
        _sim.Cluster.Clock.EnterWork(); // busy elsewhere (a step running a script)
        var sleeper = Task.Run(() =>
        {
            _sim.RunOn(_sim.Node(1), "Start-Sleep -Seconds 600");
            _sim.Cluster.Clock.LeaveWork();
        });

        await Task.Delay(200);
        sleeper.IsCompleted.Should().BeFalse("the other work is still busy at the start instant");
        _sim.Cluster.Now.Should().Be(start);

        _sim.Cluster.Clock.LeaveWork();
        await sleeper;
        _sim.Cluster.Now.Should().Be(start.AddMinutes(10));
    }

    [Fact]
    public async Task Waiters_go_on_in_order_of_the_instant_they_wait_for()
    {
        var start = _sim.Cluster.Now;
        var order = new List<string>();
        _sim.Cluster.Clock.EnterWork();
        _sim.Cluster.Clock.EnterWork();
        var work = new[] { ("long", TimeSpan.FromMinutes(30)), ("short", TimeSpan.FromMinutes(5)) }.Select(w => _sim.Cluster.Clock.DelayAsync(w.Item2, CancellationToken.None).ContinueWith(
            _ =>
            {
                lock (order)
                {
                    order.Add($"{w.Item1} at {(_sim.Cluster.Now - start).TotalMinutes}");
                }

                _sim.Cluster.Clock.LeaveWork();
            },
            TaskScheduler.Default)).ToList();

        await Task.WhenAll(work);

        order.Should().Equal("short at 5", "long at 30");
    }
}
