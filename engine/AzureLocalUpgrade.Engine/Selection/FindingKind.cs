namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>How a guard finding weighs on a runbook: a refusal stops it from applying; warnings and notes inform.</summary>
public enum FindingKind
{
    Refusal,
    Warning,
    Note,
}
