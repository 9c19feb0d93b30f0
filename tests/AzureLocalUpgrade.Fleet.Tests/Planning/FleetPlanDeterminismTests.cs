using System.Text;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Planning.Rendering;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Planning;

/// <summary>Same inputs, same bytes; and the plan hash depends on the content only, never on where files lie.</summary>
public sealed class FleetPlanDeterminismTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-fleet-moved-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Plan_TheSameFleetTwice_ShouldRenderByteIdentically()
    {
        var first = SampleFleets.Retail120;
        var second = SampleFleets.Plan("retail-120.yaml");

        FleetPlanJson.Render(second).Should().Be(FleetPlanJson.Render(first));
        FleetPlanTextRenderer.Render(second, "h").Should().Be(FleetPlanTextRenderer.Render(first, "h"));
        FleetPlanMarkdownRenderer.Render(second, "h").Should().Be(FleetPlanMarkdownRenderer.Render(first, "h"));
    }

    [Fact]
    public void Plan_TheFleetFolderMoved_ShouldKeepItsHash()
    {
        CopyFolder(RepositoryPaths.Fleets, _folder);

        var moved = SampleFleets.Plan("fleet-12.yaml", _folder);

        FleetPlanJson.Hash(moved).Should().Be(FleetPlanJson.Hash(SampleFleets.Plan("fleet-12.yaml")));
    }

    [Fact]
    public void Saved_ThePlanFile_ShouldCarryTheHashItsContentHasWhereverItLies()
    {
        var (text, hash) = FleetPlanJson.Saved(SampleFleets.Plan("fleet-12.yaml"));

        FleetPlanJson.Hash(Encoding.UTF8.GetBytes(text)).Should().Be(hash);
        text.Should().Contain($"\"planHash\": \"{hash}\"");
    }

    [Fact]
    public void Plan_AnInventoryChanged_ShouldChangeTheHash()
    {
        CopyFolder(RepositoryPaths.Fleets, _folder);
        var before = FleetPlanJson.Hash(SampleFleets.Plan("fleet-12.yaml", _folder));
        var inventory = Path.Combine(_folder, "inventories", "fleet-12", "chi-a", "chi-a-c1.yaml");
        File.WriteAllText(inventory, File.ReadAllText(inventory).Replace("sizeGb: 2048", "sizeGb: 4096", StringComparison.Ordinal));

        FleetPlanJson.Hash(SampleFleets.Plan("fleet-12.yaml", _folder)).Should().NotBe(before);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
