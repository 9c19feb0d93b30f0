namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// The inventory's credential reference does not lead to a password. The message names the reference (variable,
/// file, store entry) and the account, never a value.
/// </summary>
public sealed class CredentialUnavailableException : Exception
{
    public CredentialUnavailableException()
    {
    }

    public CredentialUnavailableException(string message)
        : base(message)
    {
    }

    public CredentialUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
