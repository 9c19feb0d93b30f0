namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>
/// Codes of the fleet dashboard and fleet reports (ALU7300–ALU7399). A code never changes meaning; docs/diagnostics.md
/// has one entry per code.
/// </summary>
internal static class DashboardCodes
{
    public const string AccessFileShape = "ALU7301";
    public const string AccessEntryInvalid = "ALU7302";
    public const string RoleUnknown = "ALU7303";
    public const string PasswordHashInvalid = "ALU7304";
    public const string TokenHashInvalid = "ALU7305";
    public const string DuplicateName = "ALU7306";
    public const string PlainSecret = "ALU7307";
    public const string UrlsInvalid = "ALU7310";
    public const string CannotListen = "ALU7311";
    public const string PasswordInputUnusable = "ALU7312";
    public const string FleetNotFound = "ALU7320";
    public const string StoreUnusable = "ALU7321";
}
