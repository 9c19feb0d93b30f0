using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>One factory per <see cref="RunInputCodes"/> code, so messages stay uniform.</summary>
public static class RunInputDiagnostics
{
    public static Diagnostic PlanUnreadable(string planPath, string reason) =>
        Error(planPath, RunInputCodes.PlanUnreadable, $"Cannot use {planPath} as a saved plan: {reason}.", "Save a plan with: alu plan RUNBOOK --cluster FILE --out plan.json");

    public static Diagnostic PlanSourceChanged(string planPath, string file, string planned, string now) =>
        Error(file, RunInputCodes.PlanSourceChanged, $"{file} changed since the plan {planPath} was made (planned {Short(planned)}, now {Short(now)}); the plan no longer says what would run.",
            "Review the change, then make and approve a new plan.");

    public static Diagnostic PlanSourceMissing(string planPath, string file) =>
        Error(file, RunInputCodes.PlanSourceMissing, $"{file}, used by the plan {planPath}, does not exist any more.", "Restore the file or make a new plan.");

    public static Diagnostic PlanInventoryDrift(string planPath, string inventory, IReadOnlyList<string> drift) =>
        Error(inventory, RunInputCodes.PlanInventoryDrift, drift.Count == 0
                ? $"The inventory {inventory} changed since the plan {planPath} was made (no cluster fact drifted, but the file differs)."
                : $"The cluster drifted since the plan {planPath} was made: {string.Join("; ", drift)}.",
            "Check the cluster, then make and approve a new plan.");

    public static Diagnostic PlanNotReproducible(string planPath, string planned, string now) =>
        Error(planPath, RunInputCodes.PlanNotReproducible, $"Compiling the plan's sources again gives another plan ({Short(now)}, saved {Short(planned)}): this alu version or the parameters differ from the ones that made it.",
            "Make the plan again with this alu version.");

    public static Diagnostic ApprovalFileInvalid(string error) =>
        new(RunInputCodes.ApprovalFileInvalid, Severity.Error, SourceSpan.None, error, "See docs/unattended.md for the approval file format.");

    public static Diagnostic ApprovalForAnotherPlan(string approvalPath, string approvedHash, string planHash) =>
        Error(approvalPath, RunInputCodes.ApprovalForAnotherPlan, $"The approval file {approvalPath} approves plan {Short(approvedHash)}, not this plan ({Short(planHash)}).",
            "Approvals bind to a saved plan: run the plan file the approval names.");

    public static Diagnostic WindowInvalid(string text, string error) =>
        new(RunInputCodes.WindowInvalid, Severity.Error, SourceSpan.None, $"--window '{text}': {error}", "Examples: --window \"Sat 22:00-Sun 06:00\" --time-zone Europe/Berlin, or --window 2026-11-28T22:00/2026-11-29T06:00");

    public static Diagnostic RunNotFound(string runId, string stateDirectory) =>
        new(RunInputCodes.RunNotFound, Severity.Error, SourceSpan.None, $"There is no run {runId} in the state folder {stateDirectory}.",
            "The run may be in another state folder: alu reads --state-dir, else ALU_STATE_DIR, else the user state folder. Give the one alu run used; alu status --state-dir DIR lists a folder's runs.");

    public static Diagnostic RunbookNotApplicable(string inventory, string cluster, string runbook, string reason) =>
        Error(inventory, RunInputCodes.RunbookNotApplicable, $"{runbook} does not apply to {cluster}: {reason}", "alu select --cluster FILE lists the runbooks that apply, and why.");

    public static Diagnostic ScenarioInvalid(Diagnostic inner) =>
        inner with { Code = RunInputCodes.ScenarioInvalid, Message = $"{inner.Message} [{inner.Code}]" };

    private static Diagnostic Error(string file, string code, string message, string hint) =>
        new(code, Severity.Error, SourceSpan.At(file, 1, 1), message, hint);

    private static string Short(string hash) => hash.StartsWith("sha256:", StringComparison.Ordinal) && hash.Length > 19 ? hash[..19] : hash;
}
