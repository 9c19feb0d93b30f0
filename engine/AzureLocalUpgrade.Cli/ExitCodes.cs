namespace AzureLocalUpgrade.Cli;

/// <summary>The scheduler contract (docs: exit codes). Commands return one of these, never a bare number.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A run failed, or alu itself failed unexpectedly (the message says which).</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: usage, schema, semantics, parameter values, inventory.</summary>
    public const int InvalidInput = 2;
}
