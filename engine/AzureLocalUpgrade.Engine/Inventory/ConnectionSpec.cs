namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>How alu reaches the nodes. <c>simulated: true</c> is the embedded default target.</summary>
/// <param name="Transport">winrm | ssh (real clusters only).</param>
public sealed record ConnectionSpec(bool Simulated, string Transport, int? Port, CredentialReference? Credential)
{
    public static readonly ConnectionSpec SimulatedDefault = new(true, "winrm", null, null);
}
