using System.Diagnostics;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Trace spans for a run session and each step (OpenTelemetry picks these up by source name; without a listener
/// they cost nothing). Tags carry ids, targets and outcomes only: never messages or parameter values, which could hold
/// a secret before the redactor sees them.
/// </summary>
public static class RunActivities
{
    public const string SourceName = "AzureLocalUpgrade";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static Activity? StartRun(string runId, string runbook, string cluster) =>
        Source.StartActivity("alu.run")?.SetTag("alu.run.id", runId).SetTag("alu.runbook", runbook).SetTag("alu.cluster", cluster);

    internal static Activity? StartStep(string runId, string stepId, string kind, string target) =>
        Source.StartActivity("alu.step " + stepId)?.SetTag("alu.run.id", runId).SetTag("alu.step.id", stepId)
            .SetTag("alu.step.kind", kind).SetTag("alu.step.target", target);

    internal static void End(Activity? activity, string status, bool failed, int? attempts = null, int? exitCode = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("alu.status", status);
        if (attempts is { } count)
        {
            activity.SetTag("alu.step.attempts", count);
        }

        if (exitCode is { } code)
        {
            activity.SetTag("alu.exit_code", code);
        }

        activity.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }
}
