namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>The metadata of one shipped runbook, enough to decide whether it applies to a cluster.</summary>
/// <param name="Path">The runbook file, as found under the runbooks folder.</param>
/// <param name="Method">cau | sconfig | offline | wac | post-upgrade | custom.</param>
public sealed record ShippedRunbook(string Path, string Name, string Version, string From, string To, string Method)
{
    public bool IsPostUpgrade => Method == "post-upgrade";
}
