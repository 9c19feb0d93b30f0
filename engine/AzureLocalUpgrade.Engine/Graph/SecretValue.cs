namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>
/// A secret parameter value. It prints as *** everywhere (ToString, JSON, templates); only the PowerShell host
/// unwraps it, into a SecureString, at the moment a script is invoked.
/// </summary>
public sealed class SecretValue(string value)
{
    public const string Mask = "***";

    /// <summary>The clear value. Call only where it is handed to PowerShell.</summary>
    public string Reveal() => value;

    public override string ToString() => Mask;
}
