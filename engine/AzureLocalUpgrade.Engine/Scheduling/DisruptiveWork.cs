using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>
/// Which steps can take a node or the cluster out of service outside a <c>disruptive: true</c> group, so a
/// maintenance window binds them as it binds node groups: a step with a change tag that takes something down, or
/// one that starts a CAU Updating Run (<c>Invoke-CauRun</c> drains and restarts every node in turn; its
/// <c>-ForceRecovery</c> form only clears a failed run and takes nothing down).
/// </summary>
public static class DisruptiveWork
{
    /// <summary>Tags that take a node or the cluster down (the change tags of docs/runbook-format.md, and the free labels).</summary>
    private static readonly string[] DownTags = ["disruptive", "reboots-node", "pauses-node", "stops-cluster", "cau-run"];

    private const string DiskOffline = "disk-offline";

    public static bool IsDisruptive(GraphStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.SkippedReason is null
            && (step.Tags.Any(IsDownTag) || (step.Script is { } script && StartsCauRun(script.Value)));
    }

    /// <summary>True when the script calls Invoke-CauRun other than to recover a failed run.</summary>
    public static bool StartsCauRun(string script)
    {
        if (!script.Contains("Invoke-CauRun", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ast = Parser.ParseInput(script, out _, out _);
        return ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Any(call =>
            string.Equals(call.GetCommandName(), "Invoke-CauRun", StringComparison.OrdinalIgnoreCase)
            && !call.CommandElements.OfType<CommandParameterAst>().Any(p =>
                p.ParameterName.Equals("ForceRecovery", StringComparison.OrdinalIgnoreCase) || p.ParameterName.Equals("Recover", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsDownTag(string tag) =>
        DownTags.Contains(tag, StringComparer.OrdinalIgnoreCase)
        || tag.Equals(DiskOffline, StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith(DiskOffline + ":", StringComparison.OrdinalIgnoreCase);
}
