using System.Diagnostics;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Fleet.Planning.Rendering;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Samples;

/// <summary>The sample fleets: generated, not hand-copied; every inventory valid; the shapes the docs promise.</summary>
public sealed class FleetSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-fleet-generated-" + Guid.NewGuid().ToString("N")[..12]);

    private static string Inventories => Path.Combine(RepositoryPaths.Fleets, "inventories");

    [Fact]
    public void Generator_RunAgain_ShouldWriteExactlyTheCommittedInventories()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "generate-fleet-samples.py"));
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(_folder);
        using (var process = Process.Start(start)!)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0, errors);
        }

        var generated = Files(_folder);
        generated.Keys.Should().Equal(Files(Inventories).Keys, "the committed inventories are exactly what the script writes");
        foreach (var (relative, text) in Files(Inventories))
        {
            generated[relative].Should().Be(text, $"{relative} must be regenerated, not edited: run scripts/generate-fleet-samples.py");
        }
    }

    [Fact]
    public void EveryGeneratedInventory_ShouldPassTheInventoryValidation()
    {
        foreach (var file in Directory.GetFiles(Inventories, "*.yaml", SearchOption.AllDirectories))
        {
            var bag = new DiagnosticBag();
            InventoryLoader.Load(file, bag).Should().NotBeNull(file);
            bag.Items.Select(d => d.ToString()).Should().BeEmpty(file);
        }
    }

    [Fact]
    public void Retail120_ShouldHold120ClustersOf4To16NodesInFourTimeZonesWithSomeRefused()
    {
        var plan = SampleFleets.Retail120;

        (plan.Clusters.Count() + plan.Refused.Count).Should().Be(120);
        plan.Clusters.Select(c => c.TimeZone).Distinct().Should().HaveCount(4);
        plan.Clusters.Min(c => c.Nodes).Should().Be(4);
        plan.Clusters.Max(c => c.Nodes).Should().Be(16);
        plan.Refused.SelectMany(r => r.Reasons.Select(x => x.Code)).Should().Contain(["stretch-24h2", "solution-deployed"]);
    }

    [Fact]
    public void Retail120_TheMarkdownForTheChangeBoard_ShouldStayUnder30000Characters()
    {
        var plan = SampleFleets.Retail120;

        FleetPlanMarkdownRenderer.Render(plan, FleetPlanJson.Hash(plan)).Length.Should().BeLessThan(30_000);
    }

    [Fact]
    public void Fleet12_ShouldHold12ClustersOnFourSitesInTwoTimeZones()
    {
        var plan = SampleFleets.Plan("fleet-12.yaml");

        (plan.Clusters.Count() + plan.Refused.Count).Should().Be(12);
        plan.Clusters.Select(c => c.Site).Distinct().Should().HaveCount(4);
        plan.Clusters.Select(c => c.TimeZone).Distinct().Should().HaveCount(2);
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
