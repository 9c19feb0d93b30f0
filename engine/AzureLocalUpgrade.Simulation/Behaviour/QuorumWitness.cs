using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// The cluster's quorum witness: a Cloud Witness, File Share Witness or disk witness resource in the core Cluster
/// Group (azure-local/manage/witness.md sets one up with Set-ClusterQuorum -CloudWitness or -FileShareWitness).
/// Get-ClusterQuorum reports it as the quorum resource; without one a cluster counts node votes only.
/// </summary>
internal static class QuorumWitness
{
    public const string CloudWitnessName = "Cloud Witness";
    public const string CloudWitnessType = "Cloud Witness";

    private static readonly string[] WitnessTypes = [CloudWitnessType, "File Share Witness", "Physical Disk"];

    /// <summary>The witness resource, or null when the cluster has none.</summary>
    public static (ClusterGroupState Group, ClusterResourceState Resource)? Find(SimulationState state)
    {
        var core = state.Groups.Find(g => g.GroupType == "Cluster");
        var witness = core?.Resources.Find(r => WitnessTypes.Contains(r.ResourceType, StringComparer.OrdinalIgnoreCase));
        return core is null || witness is null ? null : (core, witness);
    }
}
