using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Model;
using AzureLocalUpgrade.Fleet.Planning;

namespace AzureLocalUpgrade.Fleet.Tests.Support;

/// <summary>
/// A temporary folder holding a fleet file and inventories copied from the single-cluster samples, each renamed,
/// so a test writes only the fleet file it is about.
/// </summary>
internal sealed class FleetWorkspace : IDisposable
{
    public const string FleetFile = "fleet.yaml";

    /// <summary>Two sites of two 4-node 22H2 clusters each, under inv/SITE/.</summary>
    public const string BaseFleet = """
        apiVersion: azurelocal.upgrade/v1
        kind: Fleet
        metadata: { name: test }
        defaults:
          runbook: { select: { target: 24H2, prefer: [cau] } }
          timeZone: America/Chicago
          windows: ["Sat 22:00-Sun 06:00"]
        clusters:
          - inventory: inv/chi-a/*.yaml
            labels: { site: chi-a, ring: canary }
          - inventory: inv/ber-a/*.yaml
            labels: { site: ber-a, ring: broad }
        stages:
          - name: canary
            groups: [ { matchLabels: { ring: canary } } ]
          - name: broad
            groups: [ { matchLabels: { ring: broad } } ]
        """;

    public FleetWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "alu-fleet-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        AddCluster("chi-a", "chi-a1");
        AddCluster("chi-a", "chi-a2");
        AddCluster("ber-a", "ber-a1");
        AddCluster("ber-a", "ber-a2");
    }

    public string Folder { get; }

    public string FleetPath => Path.Combine(Folder, FleetFile);

    /// <summary>Writes inv/SITE/NAME.yaml from samples/clusters/TEMPLATE with the cluster and node names changed.</summary>
    public string AddCluster(string site, string name, string template = "four-node-22h2.yaml")
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "clusters", template));
        var original = text.Split('\n').First(l => l.StartsWith("name: ", StringComparison.Ordinal))["name: ".Length..].Trim();
        var folder = Path.Combine(Folder, "inv", site);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(path, text.Replace(original, name, StringComparison.Ordinal));
        return path;
    }

    public string WriteFleet(string text)
    {
        File.WriteAllText(FleetPath, text.ReplaceLineEndings("\n"));
        return FleetPath;
    }

    public (FleetDefinition? Fleet, DiagnosticBag Bag) Load(string text)
    {
        var bag = new DiagnosticBag();
        return (FleetLoader.Load(WriteFleet(text), bag), bag);
    }

    public (FleetPlan? Plan, DiagnosticBag Bag) Plan(string text, DateTimeOffset? start = null)
    {
        var (fleet, bag) = Load(text);
        fleet.Should().NotBeNull(string.Join("\n", bag.Items));
        var plan = new FleetPlanner(RepositoryPaths.Runbooks).Plan(fleet!, start ?? new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), bag);
        return (plan, bag);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
