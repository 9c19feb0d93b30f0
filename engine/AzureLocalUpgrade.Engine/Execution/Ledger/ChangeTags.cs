namespace AzureLocalUpgrade.Engine.Execution.Ledger;

/// <summary>
/// The change-tag vocabulary (docs/runbook-format.md, "Change tags"). A step carrying one of these tags tells the
/// executor what it changes, so a failed or aborted run can say exactly what it left behind. A tag may name its
/// object after a colon (<c>disables-service:ClusSvc</c>, <c>disk-offline:Volume01</c>).
/// </summary>
public static class ChangeTags
{
    public const string PausesNode = "pauses-node";
    public const string ResumesNode = "resumes-node";
    public const string DisablesService = "disables-service";
    public const string EnablesService = "enables-service";
    public const string StopsCluster = "stops-cluster";
    public const string StartsCluster = "starts-cluster";
    public const string DiskOffline = "disk-offline";
    public const string DiskOnline = "disk-online";
    public const string CredSspOn = "credssp-on";
    public const string CredSspOff = "credssp-off";
    public const string RebootsNode = "reboots-node";

    internal static readonly IReadOnlyDictionary<string, ChangeKind> Kinds = new Dictionary<string, ChangeKind>(StringComparer.Ordinal)
    {
        [PausesNode] = new("node-paused", Opens: true, State: "Paused", UndoneBy: "resumed"),
        [ResumesNode] = new("node-paused", Opens: false, State: "Up", UndoneBy: "resumed"),
        [DisablesService] = new("service-disabled", Opens: true, State: "Disabled", UndoneBy: "re-enabled"),
        [EnablesService] = new("service-disabled", Opens: false, State: "Enabled", UndoneBy: "re-enabled"),
        [StopsCluster] = new("cluster-stopped", Opens: true, State: "Stopped", UndoneBy: "started"),
        [StartsCluster] = new("cluster-stopped", Opens: false, State: "Started", UndoneBy: "started"),
        [DiskOffline] = new("disk-offline", Opens: true, State: "Offline", UndoneBy: "brought online"),
        [DiskOnline] = new("disk-offline", Opens: false, State: "Online", UndoneBy: "brought online"),
        [CredSspOn] = new("credssp-on", Opens: true, State: "with CredSSP enabled", UndoneBy: "disabled CredSSP on"),
        [CredSspOff] = new("credssp-on", Opens: false, State: "with CredSSP disabled", UndoneBy: "disabled CredSSP on"),
        [RebootsNode] = new("node-rebooted", Opens: false, State: "rebooted", UndoneBy: ""),
    };

    /// <summary>Splits <c>disables-service:ClusSvc</c> into the tag and its object; null when not a change tag.</summary>
    public static (string Tag, string? Object)? Parse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? tag : tag[..colon];
        var obj = colon < 0 ? null : tag[(colon + 1)..];
        return Kinds.ContainsKey(name) ? (name, string.IsNullOrWhiteSpace(obj) ? null : obj) : null;
    }
}
