using System.CommandLine;
using AzureLocalUpgrade.Engine.Planning;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>
/// <c>--detailed-exitcode</c> of <c>alu plan</c> and <c>alu show</c>, as Terraform's: 0 when the plan has nothing to do
/// (every step pruned at compile time), 2 when it has steps to run. Since 2 then means "changes", invalid input exits 1
/// instead of 2; every other code keeps its meaning (docs/architecture.md, exit codes).
/// </summary>
public static class DetailedExitCode
{
    public const int Changes = 2;

    public static Option<bool> Option() =>
        new("--detailed-exitcode") { Description = "Exit 0 when the plan has nothing to do, 2 when it has steps to run; invalid input then exits 1." };

    /// <summary>True when running the plan would do nothing: it has no step that is not skipped.</summary>
    public static bool NothingToDo(Plan plan) => plan.Counts.Total == plan.Counts.Skipped;

    /// <summary>The exit code of a command that produced <paramref name="plan"/> (null when it failed with <paramref name="code"/>).</summary>
    public static int Of(int code, Plan? plan, bool detailed)
    {
        if (!detailed)
        {
            return code;
        }

        if (code == ExitCodes.InvalidInput)
        {
            return ExitCodes.Failed;
        }

        return code != ExitCodes.Success || plan is null ? code : NothingToDo(plan) ? ExitCodes.Success : Changes;
    }
}
