using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>Step kinds as the runbook spells them (the journal and events use these names).</summary>
public static class StepKindNames
{
    public const string PowerShell = "powershell";

    public static string Of(StepKind kind) => kind switch
    {
        StepKind.PowerShell => PowerShell,
        _ => kind.ToString().ToLowerInvariant(),
    };
}
