using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

[CollectionDefinition(nameof(LockLeaseVariable), DisableParallelization = true)]
public sealed class LockLeaseVariable;

/// <summary>
/// The lock settings of this process: this host, this process and its start time, a two-minute lease renewed four
/// times per lease. Only a positive test lease (<see cref="RunLockOptions.TestLeaseVariable"/>) shortens it. The
/// variable is process-wide, so these tests run alone.
/// </summary>
[Collection(nameof(LockLeaseVariable))]
public sealed class RunLockOptionsTests : IDisposable
{
    private readonly string? _before = Environment.GetEnvironmentVariable(RunLockOptions.TestLeaseVariable);

    [Fact]
    public void This_process_claims_as_itself_on_this_host()
    {
        Environment.SetEnvironmentVariable(RunLockOptions.TestLeaseVariable, null);
        using var self = System.Diagnostics.Process.GetCurrentProcess();

        var options = RunLockOptions.ForCurrentProcess();

        options.HostName.Should().Be(Environment.MachineName);
        options.ProcessId.Should().Be(Environment.ProcessId);
        options.ProcessStartTime.Should().Be(self.StartTime.ToUniversalTime());
        options.IsProcessAlive(options.ProcessId, options.ProcessStartTime).Should().BeTrue();
    }

    [Theory]
    [InlineData(null, 120)]
    [InlineData("3s", 3)]
    [InlineData("0s", 120)]
    [InlineData("soon", 120)]
    public void The_lease_is_two_minutes_unless_a_positive_test_lease_is_set_and_beats_four_times_per_lease(string? variable, int seconds)
    {
        Environment.SetEnvironmentVariable(RunLockOptions.TestLeaseVariable, variable);

        var options = RunLockOptions.ForCurrentProcess();

        options.LeaseDuration.Should().Be(TimeSpan.FromSeconds(seconds));
        options.HeartbeatInterval.Should().Be(TimeSpan.FromSeconds(seconds / 4.0));
    }

    public void Dispose() => Environment.SetEnvironmentVariable(RunLockOptions.TestLeaseVariable, _before);
}
