namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// The fleet file's own codes (ALU7000–ALU7099). Problems the shared machinery finds (YAML, schema, an inventory, a
/// parameter value) keep their existing codes. A code never changes meaning; docs/diagnostics.md has one entry each.
/// </summary>
internal static class FleetCodes
{
    public const string InventoryGlobMatchesNothing = "ALU7001";
    public const string DuplicateClusterName = "ALU7002";
    public const string SiteLabelMissing = "ALU7003";
    public const string UnknownTimeZone = "ALU7004";
    public const string InvalidWindow = "ALU7005";
    public const string ClusterInNoStage = "ALU7006";
    public const string InvalidFailureBudget = "ALU7007";
    public const string InvalidSoak = "ALU7008";
    public const string DuplicateStageName = "ALU7009";
    public const string RunbookNotFound = "ALU7010";
    public const string InvalidInventoryGlob = "ALU7011";
    public const string StageMatchesNoCluster = "ALU7012";
    public const string TooManyClusters = "ALU7013";
}
