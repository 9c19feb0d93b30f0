namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>One cluster's part of a fleet: what its cluster job compiles and runs.</summary>
/// <param name="PreviousRunId">The single-cluster run this cluster's job started before (continued, not restarted).</param>
internal sealed record ClusterWork(
    string FleetId,
    string Cluster,
    string RunbookPath,
    string InventoryPath,
    IReadOnlyDictionary<string, string> Parameters,
    string TimeZone,
    IReadOnlyList<string> Windows,
    string? PreviousRunId);
