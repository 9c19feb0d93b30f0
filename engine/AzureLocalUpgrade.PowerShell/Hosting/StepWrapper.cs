using System.Management.Automation.Language;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// The one command the host ever runs: a function defined once in every session (the engine's session state for
/// local runspaces, <see cref="Targets.RemotePrelude"/> for remote ones), so PowerShell parses and compiles it once
/// per process rather than once per step. The step's own text and every value arrive as bound parameters, so nothing
/// a user or an inventory supplies is ever parsed as code by being spliced into script text.
/// </summary>
/// <remarks>
/// The step runs with <c>&amp;</c> in a child scope of the wrapper, itself run in a local scope: variables a step
/// sets vanish when it ends, while the well-known values ($Node, $Nodes, $ClusterName, $Params, $Inputs, $StopAfter, and
/// $Baseline for a step that reads one) are visible
/// to it by dynamic scoping, with or without a param() block. A step that declares some of them in param() gets
/// them bound by name too. The wrapper's own variables are private, so the step cannot see or change them.
/// Preferences are set here rather than only in the session state, so a remote session behaves like a local one.
/// </remarks>
internal static class StepWrapper
{
    public const string ScriptParameter = "__AluScript";

    public const string BoundParameter = "__AluBound";

    /// <summary>The values every step can read as variables; the executor supplies them by these names.</summary>
    public static readonly IReadOnlySet<string> WellKnownParameters =
        new HashSet<string>(["Node", "Nodes", "ClusterName", "Params", "Inputs", "StopAfter", "Baseline"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The wrapper's name: read-only in every session, so a step cannot redefine it for later steps.</summary>
    public const string FunctionName = "Invoke-AluStepWrapper";

    /// <summary>The wrapper's body (the function's definition).</summary>
    public const string Body = """
        param($__AluScript, $__AluBound, $Node, $Nodes, $ClusterName, $Params, $Inputs, $StopAfter, $Baseline)
        $ErrorActionPreference = 'Stop'
        $WarningPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $InformationPreference = 'Continue'
        $DebugPreference = 'Continue'
        $private:__AluStep = [scriptblock]::Create($__AluScript)
        $private:__AluArguments = $__AluBound
        $ExecutionContext.SessionState.PSVariable.Remove('__AluScript')
        $ExecutionContext.SessionState.PSVariable.Remove('__AluBound')
        & $__AluStep @__AluArguments
        """;

    /// <summary>The names the step's own param() block declares (empty when it has none).</summary>
    public static IReadOnlySet<string> DeclaredParameters(ScriptBlockAst ast) =>
        ast.ParamBlock is null
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : ast.ParamBlock.Parameters.Select(p => p.Name.VariablePath.UserPath).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
