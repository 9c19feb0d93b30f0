using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// An update a node is offered: a feature update (the release it installs) or, when <see cref="Cumulative"/> is
/// set, a cumulative update within the node's release (the build it brings). Either applies at the next full reboot.
/// </summary>
internal sealed record UpdateOffer(string Release, string Title, OsBuild? Cumulative = null)
{
    /// <summary>The build the node reports once the update is applied.</summary>
    public OsBuild ResultingBuild => Cumulative ?? SimulatedReleases.BuildAfterFeatureUpdate(Release);

    /// <summary>
    /// The cumulative update Windows Update offers (CAU's WindowsUpdatePlugin installs it): the latest one of the
    /// node's release, when the node is below it and can reach Windows Update.
    /// </summary>
    public static UpdateOffer? CumulativeFromWindowsUpdate(SimulationState state, NodeState node)
    {
        if (!state.WindowsUpdateAccess || SimulatedReleases.LatestCumulativeUpdate(node.BuildMajor) is not { } latest || latest <= node.Build)
        {
            return null;
        }

        return new UpdateOffer(latest.Release, SimulatedReleases.CumulativeUpdateTitle(latest), latest);
    }

    /// <summary>
    /// Windows Update offers 22H2 nodes the 23H2 feature update when they reach WU; 24H2 is never offered by WU, only
    /// installed from media. A stretched cluster is offered nothing: its only supported path is a CAU run from the
    /// 2509 ISO (azure-local/upgrade/upgrade-stretched-cluster-to-23h2.md).
    /// </summary>
    public static UpdateOffer? FromWindowsUpdate(SimulationState state, NodeState node)
    {
        if (!state.WindowsUpdateAccess || state.Stretch || node.BuildMajor != OsBuild.Build22H2)
        {
            return null;
        }

        return WithScenarioTitle(state, node, new UpdateOffer("23H2", SimulatedReleases.FeatureUpdateTitle("23H2")));
    }

    /// <summary>Setup media staged in <paramref name="mediaFolder"/> on the node, when it is newer than the node's OS.</summary>
    public static UpdateOffer? FromMedia(SimulationState state, NodeState node, string mediaFolder)
    {
        var release = FileOperations.MediaFolderRelease(node, mediaFolder);
        if (release is null || SimulatedReleases.BuildAfterFeatureUpdate(release) <= node.Build)
        {
            return null;
        }

        return WithScenarioTitle(state, node, new UpdateOffer(release, SimulatedReleases.FeatureUpdateTitle(release)));
    }

    private static UpdateOffer WithScenarioTitle(SimulationState state, NodeState node, UpdateOffer offer)
    {
        var different = state.ActiveFaults(FaultKind.DifferentFeatureUpdate).FirstOrDefault(f => f.AppliesTo(node.Name));
        return different is null ? offer : offer with { Title = different.Title ?? SimulatedReleases.FeatureUpdateTitle("24H2") };
    }
}
