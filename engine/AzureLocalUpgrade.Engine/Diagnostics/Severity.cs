namespace AzureLocalUpgrade.Engine.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
