using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.AksArc;

/// <summary>
/// An AKS-HCI install brings AksHci and the modules it depends on (Moc, Kva, DownloadSDK, TraceProvider: the list of
/// Microsoft's helper script that deletes old AKS-HCI modules, Azure/aksArc scripts/samples/uninstall-akshci.ps1).
/// Uninstall-Module removes only what it names, so the documents' `Uninstall-Module -Name AksHci -Force` leaves the
/// rest; the shipped aks-arc-removal fragment deletes them as the helper script does.
/// </summary>
public sealed class AksHciModuleTests : IDisposable
{
    private const string LeftoverQuery = "Get-InstalledModule -Name AksHci, Moc, Kva, DownloadSDK, TraceProvider -ErrorAction SilentlyContinue";

    private readonly SimulatorHarness _sim = new(scenario: Samples.Scenario("aks-arc-present"));

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void UninstallingAksHci_ShouldLeaveTheModulesItDependsOn()
    {
        _sim.RunOn(_sim.Node(1), "Uninstall-Module -Name AksHci -Force");

        _sim.RunOn(_sim.Node(1), LeftoverQuery).Select(m => m.Properties["Name"].Value)
            .Should().BeEquivalentTo(new[] { "Moc", "Kva", "DownloadSDK", "TraceProvider" });
    }

    [Fact]
    public void GetInstalledModule_ShouldReturnTheNamesThatMatch_AndReportEachNameThatDoesNot()
    {
        _sim.RunOn(_sim.Node(1), "Uninstall-Module -Name Kva -Force");

        var found = _sim.RunOn(_sim.Node(1), "$found = Get-InstalledModule -Name AksHci, Kva -ErrorAction SilentlyContinue -ErrorVariable missing; $found.Name; $missing.Count");

        found.Select(o => o.BaseObject.ToString()).Should().Equal("AksHci", "1");
    }

    [Fact]
    public void ShippedRemoval_ShouldLeaveNoAksHciModule_OnAClusterWhereAksArcWasInstalled()
    {
        foreach (var step in new[] { "uninstall-aks", "uninstall-module" })
        {
            ShippedStepScript.Of("fragments/aks-arc-removal.yaml", step).RunOn(_sim, _sim.Node(1));
        }

        ShippedStepScript.Of("fragments/aks-arc-removal.yaml", "uninstall").RunOn(_sim, _sim.Node(1));

        _sim.RunOn(_sim.Node(1), LeftoverQuery).Should().BeEmpty();
    }

    [Fact]
    public void ShippedRemoval_ShouldBeSkipped_WhereNoAksHciModuleIsInstalled()
    {
        using var plain = new SimulatorHarness();

        ShippedStepScript.Of("fragments/aks-arc-removal.yaml", "uninstall", skipIf: true).Passes(plain, plain.Node(1)).Should().BeTrue();
    }
}
