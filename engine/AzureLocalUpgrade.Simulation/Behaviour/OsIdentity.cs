using System.Globalization;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Keeps the CurrentVersion registry key in step with the node's build (it changes only with a feature update).</summary>
internal static class OsIdentity
{
    public static void WriteToRegistry(NodeState node)
    {
        var key = node.FindKey(RegistryPaths.CurrentVersion);
        if (key is null)
        {
            key = new RegistryKeyState { Path = RegistryPaths.CurrentVersion };
            node.Registry.Add(key);
        }

        var build = node.Build;
        var major = build.Major.ToString(CultureInfo.InvariantCulture);
        Set(key, "CurrentBuildNumber", major);
        Set(key, "CurrentBuild", major);
        Set(key, "DisplayVersion", build.Release);
        Set(key, "ProductName", "Azure Stack HCI");
        Set(key, "EditionID", "ServerAzureStackHCICor");
        var ubr = key.Find("UBR");
        if (ubr is null)
        {
            ubr = new RegistryValueState { Name = "UBR", Kind = "DWord" };
            key.Values.Add(ubr);
        }

        ubr.Number = build.Revision;
    }

    public static void ApplyFeatureUpdate(NodeState node, string release)
    {
        OsBuild target = SimulatedReleases.BuildAfterFeatureUpdate(release);
        node.BuildMajor = target.Major;
        node.BuildRevision = target.Revision;
        node.Counters.FeatureUpdatesApplied++;
        WriteToRegistry(node);
    }

    /// <summary>A cumulative update changes the revision (UBR), never the release; it is not a feature update.</summary>
    public static void ApplyCumulativeUpdate(NodeState node, OsBuild build)
    {
        node.BuildMajor = build.Major;
        node.BuildRevision = build.Revision;
        WriteToRegistry(node);
    }

    private static void Set(RegistryKeyState key, string name, string value)
    {
        var existing = key.Find(name);
        if (existing is null)
        {
            key.Values.Add(new RegistryValueState { Name = name, Kind = "String", Text = value });
        }
        else
        {
            existing.Text = value;
        }
    }
}
