using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Validation;

/// <summary>
/// The readiness gates read what the real cmdlets produce. Test-Cluster returns its report file (Test-Cluster.md:
/// OUTPUTS System.IO.FileInfo; "Test results are captured in a file"); Test-CauSetup returns BPA progress and its
/// findings are read with Get-BpaResult (Test-CauSetup.md). A gate that looks for a Result or Severity property on
/// their output can never fail.
/// </summary>
public sealed class ReadinessGateTests : IDisposable
{
    private readonly SimulatorHarness _healthy = new();
    private readonly SimulatorHarness _failing = new(scenario: Samples.Scenario("validation-fails"));

    public static TheoryData<string, string> TestClusterGates() => new()
    {
        { "fragments/guards.yaml", "cluster-validated" },
        { "fragments/cau-readiness.yaml", "test-cluster" },
        { "fragments/finish.yaml", "test-cluster" },
        { "post-upgrade/23h2.yaml", "test-cluster" },
        { "post-upgrade/24h2.yaml", "test-cluster" },
    };

    public void Dispose()
    {
        _healthy.Dispose();
        _failing.Dispose();
    }

    [Fact]
    public void TestCluster_ShouldReturnTheReportFile_NotAVerdict()
    {
        var report = _healthy.RunOn(_healthy.Node(1), "Test-Cluster").Should().ContainSingle().Subject;

        ((string)report.Properties["FullName"].Value).Should().EndWith(".htm");
        report.Properties["Result"].Should().BeNull();
    }

    [Fact]
    public void TestClusterReport_ShouldNameTheFailedTest_WhenValidationFails()
    {
        var text = _failing.RunOn(_failing.Node(1), "Get-Content -LiteralPath (Test-Cluster).FullName -Raw").Should().ContainSingle().Subject;

        text.ToString().Should().Contain("Validate Network Communication").And.Contain("Failed");
    }

    [Fact]
    public void TestCauSetup_ShouldReturnProgress_WhileGetBpaResultHoldsTheErrors()
    {
        var progress = _healthy.RunOn(null, "Test-CauSetup -ClusterName hci01");
        var errors = _healthy.RunOn(null, "Get-BpaResult -ModelId Microsoft/Windows/ClusterAwareUpdating | Where-Object Severity -eq 'Error'");

        progress.Should().NotBeEmpty().And.AllSatisfy(p => p.Properties["Severity"].Should().BeNull());
        errors.Should().ContainSingle().Which.Properties["Title"].Value.ToString().Should().Contain("remoting");
    }

    [Theory]
    [MemberData(nameof(TestClusterGates))]
    public void ShippedTestClusterGate_ShouldFail_WhenValidationReportsAFailedTest(string file, string step)
    {
        ShippedStepScript.Of(file, step).Passes(_failing, _failing.Node(1)).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(TestClusterGates))]
    public void ShippedTestClusterGate_ShouldPass_OnAHealthyCluster(string file, string step)
    {
        ShippedStepScript.Of(file, step).Passes(_healthy, _healthy.Node(1)).Should().BeTrue();
    }

    [Fact]
    public void ShippedTestCauSetupGate_ShouldFail_WhilePowerShellRemotingIsOff()
    {
        ShippedStepScript.Of("fragments/cau-readiness.yaml", "test-cau-setup").Passes(_healthy, null).Should().BeFalse();
    }

    [Fact]
    public void ShippedTestCauSetupGate_ShouldPass_OnceRemotingIsOnEveryNode()
    {
        foreach (var node in _healthy.Inventory.Nodes)
        {
            _healthy.RunOn(node.Name, "Set-WSManQuickConfig -Force; Enable-PSRemoting -Force");
        }

        ShippedStepScript.Of("fragments/cau-readiness.yaml", "test-cau-setup").Passes(_healthy, null).Should().BeTrue();
    }
}
