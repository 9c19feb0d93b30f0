namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>
/// The most bytes alu reads from each kind of file (docs/architecture.md, Inputs). Each is far above what alu itself
/// writes or a person writes by hand, and low enough that reading it can never exhaust memory.
/// </summary>
public static class InputLimits
{
    /// <summary>Runbooks, fragments, inventories, params, approval and scenario files (also <c>LoadLimits.Default</c>).</summary>
    public const long YamlDocument = 1024 * 1024;

    /// <summary>A saved plan (<c>alu plan --out</c>): a 64-node plan is about 1 MB.</summary>
    public const long SavedPlan = 32L * 1024 * 1024;

    /// <summary>run.json and pinned/parameters.json, which alu writes in the run folder.</summary>
    public const long RunFile = 4L * 1024 * 1024;

    /// <summary>simulation.json: a 64-node simulated cluster is well under a megabyte.</summary>
    public const long SimulationState = 64L * 1024 * 1024;

    /// <summary>A passwordFile: one line.</summary>
    public const long PasswordFile = 64 * 1024;

    /// <summary>JSON nesting allowed in saved plans and run files (the same as YAML's).</summary>
    public const int JsonDepth = 64;
}
