namespace AzureLocalUpgrade.Engine.Model;

public enum StepKind
{
    /// <summary>Runs a script for its effect.</summary>
    PowerShell,

    /// <summary>Asserts a condition; an error-severity failure stops the run (before any change: exit 5).</summary>
    Check,

    /// <summary>Polls a script until it returns true, or times out.</summary>
    Wait,

    /// <summary>An approval gate: a person does something, then approves.</summary>
    Manual,

    /// <summary>Sub-steps, optionally expanded per node with a rolling or parallel strategy.</summary>
    Group,

    /// <summary>A call of an imported fragment (<c>use: alias</c>); compiles to a group.</summary>
    Use,
}
