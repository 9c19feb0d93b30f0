using System.ComponentModel;
using System.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// Whether a lock holder's process still runs on this host: its id must exist and must have started when the claim
/// says (give or take the 2 s a start time may be rounded by), or the id was recycled by another process.
/// </summary>
public sealed class ProcessLivenessTests
{
    [Fact]
    public void This_process_with_its_own_start_time_is_alive()
    {
        var (id, started) = Self();

        ProcessLiveness.IsAlive(id, started).Should().BeTrue();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_start_time_a_second_off_is_still_the_same_process(int seconds)
    {
        var (id, started) = Self();

        ProcessLiveness.IsAlive(id, started.AddSeconds(seconds)).Should().BeTrue();
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    public void A_start_time_two_seconds_off_is_already_another_process(int seconds)
    {
        var (id, started) = Self();

        ProcessLiveness.IsAlive(id, started.AddSeconds(seconds)).Should().BeFalse("the tolerance is under 2 s");
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public void A_process_id_that_started_at_another_time_is_another_process(int minutes)
    {
        var (id, started) = Self();

        ProcessLiveness.IsAlive(id, started.AddMinutes(minutes)).Should().BeFalse("the holder's process id was recycled");
    }

    [Fact]
    public void A_process_id_that_no_process_has_is_gone() =>
        ProcessLiveness.IsAlive(int.MaxValue, DateTimeOffset.UtcNow).Should().BeFalse();

    [Fact]
    public void A_process_whose_start_time_cannot_be_read_is_left_to_its_lease() =>
        ProcessLiveness.Judge(() => false, () => throw new Win32Exception(5, "Access is denied"), DateTimeOffset.UtcNow)
            .Should().BeTrue("a holder alu cannot see is not proven gone; its lease expires on its own");

    [Fact]
    public void A_process_that_exits_while_it_is_read_is_gone() =>
        ProcessLiveness.Judge(() => false, () => throw new InvalidOperationException("exited"), DateTimeOffset.UtcNow).Should().BeFalse();

    private static (int Id, DateTimeOffset Started) Self()
    {
        using var self = Process.GetCurrentProcess();
        return (self.Id, self.StartTime.ToUniversalTime());
    }
}
