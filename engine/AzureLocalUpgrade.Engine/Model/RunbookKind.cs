namespace AzureLocalUpgrade.Engine.Model;

public enum RunbookKind
{
    /// <summary>A runnable document: metadata, parameters, steps.</summary>
    Runbook,

    /// <summary>An importable document: inputs instead of parameters, no upgrade metadata required.</summary>
    Fragment,
}
