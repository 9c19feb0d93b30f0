using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// The release facts the simulator uses. Builds after a feature update are fixed constants:
/// 23H2 = 25398.1611, 24H2 = 26100.4061 (current cumulative updates at the time of writing).
/// </summary>
public static class SimulatedReleases
{
    public static readonly OsBuild Build23H2 = new(OsBuild.Build23H2, 1611);
    public static readonly OsBuild Build24H2 = new(OsBuild.Build24H2, 4061);

    /// <summary>
    /// The latest cumulative (quality) update per release, which Windows Update and CAU's WindowsUpdatePlugin
    /// offer to a node below it: 22H2 20349.3692, 23H2 25398.1732, 24H2 26100.4061 (simulator choices, in step with
    /// the sample clusters). It is what a 23H2 node needs after the feature update (25398.1611) before 24H2.
    /// </summary>
    public static OsBuild? LatestCumulativeUpdate(int buildMajor) => buildMajor switch
    {
        OsBuild.Build22H2 => new OsBuild(OsBuild.Build22H2, 3692),
        OsBuild.Build23H2 => new OsBuild(OsBuild.Build23H2, 1732),
        OsBuild.Build24H2 => Build24H2,
        _ => null,
    };

    /// <summary>Title Windows Update and CAU show for the cumulative update that brings <paramref name="build"/>.</summary>
    public static string CumulativeUpdateTitle(OsBuild build) =>
        $"Cumulative Update for Microsoft server operating system, version {build.Release} (OS Build {build})";

    public static OsBuild BuildAfterFeatureUpdate(string release) => release.ToUpperInvariant() switch
    {
        "23H2" => Build23H2,
        "24H2" => Build24H2,
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, "The simulator applies 23H2 or 24H2 feature updates."),
    };

    /// <summary>Title Windows Update and CAU show for the feature update to <paramref name="release"/>.</summary>
    public static string FeatureUpdateTitle(string release) =>
        $"Feature update to Microsoft server operating system, version {release.ToUpperInvariant()}";

    /// <summary>The release on an ISO, from its file name: 23H2, 2503 or 2509 → 23H2; 24H2 or 2505 → 24H2; otherwise null.</summary>
    public static string? ReleaseFromMediaName(string path)
    {
        var name = Path.GetFileName(path.Replace('\\', '/'));
        if (name.Contains("24H2", StringComparison.OrdinalIgnoreCase) || name.Contains("2505", StringComparison.Ordinal))
        {
            return "24H2";
        }

        return name.Contains("23H2", StringComparison.OrdinalIgnoreCase) || name.Contains("2503", StringComparison.Ordinal) || name.Contains("2509", StringComparison.Ordinal) ? "23H2" : null;
    }

    /// <summary>Cluster functional level a cluster of this build can reach (20349 = 11, 25398/26100 = 12).</summary>
    public static int FunctionalLevelFor(int buildMajor) => buildMajor >= OsBuild.Build23H2 ? 12 : 11;

    /// <summary>ClusterUpgradeVersion after Update-ClusterFunctionalLevel: 32772 (25398), 32774 (26100); 32771 for 20349 is a simulator choice.</summary>
    public static int UpgradeVersionFor(int buildMajor) => buildMajor switch
    {
        >= OsBuild.Build24H2 => 32774,
        >= OsBuild.Build23H2 => 32772,
        _ => 32771,
    };

    /// <summary>Highest VM configuration version a host of this build supports (simulator labels).</summary>
    public static string MaxVmVersionFor(int buildMajor) => buildMajor switch
    {
        >= OsBuild.Build24H2 => "12.0",
        >= OsBuild.Build23H2 => "11.0",
        _ => "10.0",
    };

    /// <summary>Storage pool version label for a cluster whose lowest build is this (simulator labels).</summary>
    public static string PoolVersionFor(int buildMajor) => buildMajor switch
    {
        >= OsBuild.Build24H2 => "Windows Server 2025",
        >= OsBuild.Build23H2 => "Azure Stack HCI 23H2",
        _ => "Windows Server 2022",
    };
}
