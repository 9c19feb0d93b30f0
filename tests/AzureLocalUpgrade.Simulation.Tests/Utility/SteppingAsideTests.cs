using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Utility;

/// <summary>
/// Work that touches nothing simulated (a pipeline before its first simulator cmdlet, a runspace being opened) steps
/// aside from its turn (<see cref="VirtualTimeScheduler.StepAside"/>) so work started at the same instant runs side by
/// side, and takes the turn back in a fixed order before it touches the cluster: the same run changes the model in the
/// same order every time.
/// </summary>
public sealed class SteppingAsideTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task A_pipeline_that_stepped_aside_touches_the_cluster_only_when_its_turn_comes_back()
    {
        var session = _sim.Open(_sim.Node(1));
        var clock = _sim.Cluster.Clock;
        clock.EnterWork(); // this step
        clock.EnterWork(); // another step, which has the turn at this instant
        var aside = clock.StepAside(session);

        using var reached = new ManualResetEventSlim();
        var touched = Task.Run(() =>
        {
            using var shell = System.Management.Automation.PowerShell.Create(session);
            return shell.AddScript("param($reached) $null = $reached.Set(); Get-ClusterNode").AddParameter("reached", reached).Invoke();
        });
        reached.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("the pipeline runs on up to its first simulator cmdlet");
        await Task.Delay(1000);

        aside.Should().NotBeNull("counted work has a turn to give up");
        touched.IsCompleted.Should().BeFalse("the other step still has the turn");
        clock.LeaveWork(); // the other step ends
        (await touched).Should().NotBeEmpty();
        await aside!.RetakeAsync();
        clock.LeaveWork();
    }

    [Fact]
    public async Task Work_queued_at_the_same_instant_goes_on_before_work_that_stepped_aside_after_it()
    {
        var clock = _sim.Cluster.Clock;
        clock.EnterWork(); // the loop
        clock.EnterWork(); // step 1, which has its turn
        clock.EnterWork(); // step 2, started together with step 1
        var secondStarts = clock.TakeTurnAsync("000000002");
        var firstAside = clock.StepAside(new object());

        clock.LeaveWork(); // the loop waits for its steps
        await secondStarts.WaitAsync(TimeSpan.FromSeconds(10));

        firstAside!.RetakeAsync().IsCompleted.Should().BeFalse("step 2, queued first, runs its start before step 1 comes back");
        clock.LeaveWork(); // step 2 ends
        await firstAside.RetakeAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.LeaveWork();
    }

    [Fact]
    public async Task Work_that_stepped_aside_at_one_instant_comes_back_in_the_order_it_stepped_aside()
    {
        var clock = _sim.Cluster.Clock;
        clock.EnterWork(); // the loop
        clock.EnterWork(); // step 1
        clock.EnterWork(); // step 2
        var first = clock.StepAside(new object())!;
        var second = clock.StepAside(new object())!;

        clock.LeaveWork(); // the loop waits for its steps
        await first.RetakeAsync().WaitAsync(TimeSpan.FromSeconds(10));

        second.RetakeAsync().IsCompleted.Should().BeFalse("step 1 stepped aside first, so its turn comes back first");
        clock.LeaveWork(); // step 1 ends
        await second.RetakeAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.LeaveWork();
    }

    [Fact]
    public void Work_outside_a_run_has_no_turn_to_give_up() =>
        _sim.Cluster.Clock.StepAside(new object()).Should().BeNull();

    [Fact]
    public async Task Virtual_time_does_not_move_past_work_that_stepped_aside()
    {
        var start = _sim.Cluster.Now;
        var clock = _sim.Cluster.Clock;
        clock.EnterWork(); // a sleeping step
        clock.EnterWork(); // a step whose pipeline runs aside
        var sleeper = clock.DelayAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
        var aside = clock.StepAside(new object())!;

        await aside.RetakeAsync().WaitAsync(TimeSpan.FromSeconds(10));

        _sim.Cluster.Now.Should().Be(start, "the pipeline aside is still at the instant it started");
        sleeper.IsCompleted.Should().BeFalse();
        clock.LeaveWork();
        await sleeper.WaitAsync(TimeSpan.FromSeconds(10));
        _sim.Cluster.Now.Should().Be(start.AddMinutes(10));
        clock.LeaveWork();
    }
}
