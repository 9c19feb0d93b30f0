namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>The target cannot be reached right now; the host retries until its reconnect timeout.</summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException()
    {
    }

    public TargetUnreachableException(string message)
        : base(message)
    {
    }

    public TargetUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
