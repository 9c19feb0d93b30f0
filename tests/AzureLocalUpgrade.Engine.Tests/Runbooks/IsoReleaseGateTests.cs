using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// Each upgrade document names the ISO release it needs (23H2: 2503, a stretched cluster 2509; 24H2: 2505), but no
/// documented cmdlet property reads a release from the media (Mount-DiskImage, Get-DiskImage, Get-WindowsImage), so
/// a person confirms it before the media is staged.
/// </summary>
public class IsoReleaseGateTests
{
    [Theory]
    [InlineData("22h2-to-24h2/cau.yaml", "four-node-22h2.yaml", "2505", null)]
    [InlineData("23h2-to-24h2/sconfig.yaml", "four-node-23h2.yaml", "2505", null)]
    [InlineData("22h2-to-23h2/offline.yaml", "four-node-22h2.yaml", "2503", "wuConnected=false")]
    public void The_release_is_confirmed_before_the_media_is_staged(string runbook, string sample, string release, string? media)
    {
        string[] set = media is null ? [@"isoPath=C:\ISO\AzureLocal.iso"] : [@"isoPath=C:\ISO\AzureLocal.iso", media];
        var graph = RunbookCompilationTests.Compile(runbook, sample, set);
        var order = graph.Steps.Select(s => s.Id).ToList();
        var gate = graph.Step("stage-media/iso-release");

        gate.Kind.Should().Be(StepKind.Manual);
        gate.Instructions.Should().Contain($"Azure Local {release} ISO");
        order.IndexOf("stage-media/iso-release").Should().BeLessThan(order.FindIndex(id => id.EndsWith("/extract-iso", StringComparison.Ordinal)));
    }
}
