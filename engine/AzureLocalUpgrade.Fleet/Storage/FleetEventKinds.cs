namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>The kinds of fleet event (the <c>kind</c> field of a JSON fleet event line, kebab-case as in docs/events.md).</summary>
internal static class FleetEventKinds
{
    public const string FleetStarted = "fleet-started";
    public const string FleetSucceeded = "fleet-succeeded";
    public const string FleetFailed = "fleet-failed";
    public const string FleetHalted = "fleet-halted";
    public const string FleetStopped = "fleet-stopped";
    public const string FleetResumed = "fleet-resumed";
    public const string StageStarted = "stage-started";
    public const string StageSoaking = "stage-soaking";
    public const string StageAwaitingApproval = "stage-awaiting-approval";
    public const string StageDone = "stage-done";
    public const string GateApproved = "gate-approved";
    public const string ClusterQueued = "cluster-queued";
    public const string ClusterStarted = "cluster-started";
    public const string ClusterWaitingForWindow = "cluster-waiting-for-window";
    public const string ClusterSucceeded = "cluster-succeeded";
    public const string ClusterFailed = "cluster-failed";
    public const string ClusterPaused = "cluster-paused";
    public const string ClusterFenced = "cluster-fenced";
    public const string ClusterRerouted = "cluster-rerouted";
}
