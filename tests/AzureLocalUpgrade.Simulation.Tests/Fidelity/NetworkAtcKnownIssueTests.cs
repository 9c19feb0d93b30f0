using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Simulation.Scenarios;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// upgrade-to-24h2-powershell.md, Known issues: where Network ATC was configured before the OS upgrade, the management
/// intent may fail with PhysicalAdapterNotFound after it. Get-NetIntentStatus reports it (one object per intent and
/// host, install-enable-network-atc.md), and the shipped finish check must stop on it instead of declaring success.
/// </summary>
public sealed class NetworkAtcKnownIssueTests : IDisposable
{
    private const string Media = @"C:\SetupFiles\Extracted";

    private static readonly FaultScenario AdapterNotFound = new(
        "network-atc-adapter-not-found",
        "Network ATC configured; the management intent fails after the OS upgrade.",
        [new Fault(FaultKind.NetworkAtcAdapterNotFound, null, null, false, null, SourceSpan.None)],
        "network-atc-adapter-not-found.yaml");

    private static readonly ShippedStepScript Check = ShippedStepScript.Of("fragments/finish.yaml", "network-atc-intents");

    private readonly SimulatorHarness _sim = new(scenario: AdapterNotFound);

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void GetNetIntentStatus_ShouldReportOneObjectPerIntentAndHost()
    {
        _sim.RunOn(null, "Get-NetIntentStatus -ClusterName hci01 | ForEach-Object { $_.Host + ':' + $_.ConfigurationStatus }")
            .Select(o => o.BaseObject).Should().Equal("hci01-n1:Success", "hci01-n2:Success", "hci01-n3:Success");
    }

    [Fact]
    public void ShippedIntentCheck_ShouldPass_BeforeTheOsUpgrade()
    {
        Check.Passes(_sim, _sim.Node(1)).Should().BeTrue();
    }

    [Fact]
    public void ShippedIntentCheck_ShouldFail_OnceAnUpgradedNodesIntentReportsPhysicalAdapterNotFound()
    {
        UpgradeFirstNode();

        _sim.RunOn(null, $"(Get-NetIntentStatus -ComputerName {_sim.Node(1)}).Error").Single().BaseObject.Should().Be("PhysicalAdapterNotFound");
        Check.Passes(_sim, _sim.Node(2)).Should().BeFalse();
    }

    [Fact]
    public void ShippedIntentCheck_ShouldPass_WhereNetworkAtcHasNoIntent()
    {
        using var plain = new SimulatorHarness();

        Check.Passes(plain, plain.Node(1)).Should().BeTrue();
    }

    private void UpgradeFirstNode()
    {
        _sim.RunOn(_sim.Node(1), $$"""
            $iso = Mount-DiskImage -ImagePath 'C:\SetupFiles\ISOs\AzureLocal-2505.iso' -PassThru
            $letter = ($iso | Get-Volume).DriveLetter
            New-Item -ItemType Directory -Path '{{Media}}' | Out-Null
            Copy-Item -Path "${letter}:\*" -Destination '{{Media}}' -Recurse
            Dismount-DiskImage -ImagePath 'C:\SetupFiles\ISOs\AzureLocal-2505.iso'
            Start-Process -FilePath '{{Media}}\setup.exe' -ArgumentList '/auto upgrade /quiet /noreboot /eula accept /dynamicupdate disable' -Wait
            """);
        _sim.RunOn(null, $"Restart-Computer -ComputerName {_sim.Node(1)} -Force -Wait");
    }
}
