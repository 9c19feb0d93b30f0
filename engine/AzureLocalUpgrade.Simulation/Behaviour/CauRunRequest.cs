namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>The Invoke-CauRun parameters the simulator honours.</summary>
/// <param name="MaxFailedNodes">Null = CAU's default, about a third of the nodes.</param>
/// <param name="MaxRetriesPerNode">Retries after a failed attempt (so 1 + this many attempts).</param>
internal sealed record CauRunRequest(
    string Plugin,
    bool WuConnected,
    string? PathToSetupMedia,
    bool UpdateClusterFunctionalLevel,
    bool EnableFirewallRules,
    int? MaxFailedNodes,
    int MaxRetriesPerNode,
    IReadOnlyList<string>? NodeOrder,
    bool RequireAllNodesOnline,
    int RebootTimeoutMinutes,
    string FailbackMode,
    TimeSpan? StopAfter = null)
{
    public const string RollingUpgradePlugin = "Microsoft.RollingUpgradePlugin";
    public const string WindowsUpdatePlugin = "Microsoft.WindowsUpdatePlugin";

    public bool IsRollingUpgrade => string.Equals(Plugin, RollingUpgradePlugin, StringComparison.OrdinalIgnoreCase);
}
