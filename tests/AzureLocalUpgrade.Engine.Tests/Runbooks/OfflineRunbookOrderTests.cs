namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// The fast offline method (seed 001, method 2): the downtime starts at the maintenance-window gate, so nothing that
/// takes a workload down runs before it, and the gate states how long the window must be.
/// </summary>
public class OfflineRunbookOrderTests
{
    public static TheoryData<string> OfflineRunbooks() => new() { "22h2-to-23h2/offline.yaml", "22h2-to-24h2/offline.yaml", "23h2-to-24h2/offline.yaml" };

    [Theory]
    [MemberData(nameof(OfflineRunbooks))]
    public void The_vms_are_shut_down_only_after_the_maintenance_window_gate(string file)
    {
        var order = RunbookCompilationTests.Compile(file, "four-node-22h2.yaml", []).Steps.Select(s => s.Id).ToList();

        var gate = order.IndexOf("window-start");
        var shutdowns = order.Where(id => id.StartsWith("shutdown-vms/", StringComparison.Ordinal)).Select(id => order.IndexOf(id)).ToList();
        gate.Should().BeGreaterThan(-1);
        shutdowns.Should().NotBeEmpty().And.OnlyContain(i => i > gate);
    }

    [Theory]
    [MemberData(nameof(OfflineRunbooks))]
    public void The_window_gate_states_the_window_as_a_duration(string file)
    {
        var gate = RunbookCompilationTests.Compile(file, "four-node-22h2.yaml", ["maintenanceWindow=3h30m"]).Step("window-start");

        gate.Instructions.Should().Contain("210 minutes").And.NotContain("03:30:00");
    }
}
