namespace AzureLocalUpgrade.Cli.Tests.SchemaAgreement;

/// <summary>A theory that is skipped, saying why, only when Node.js is not installed; every other problem fails it.</summary>
public sealed class NeedsNodeTheoryAttribute : TheoryAttribute
{
    public NeedsNodeTheoryAttribute()
    {
        if (IndependentValidator.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
