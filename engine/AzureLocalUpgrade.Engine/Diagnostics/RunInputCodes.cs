namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// Codes for the inputs of <c>alu run</c> / <c>alu resume</c> beyond the runbook itself (ALU60xx): saved plans,
/// approval files, maintenance windows, run ids. Like <see cref="DiagnosticCodes"/>, a code never changes meaning;
/// docs/diagnostics.md has one entry per code.
/// </summary>
public static class RunInputCodes
{
    public const string PlanUnreadable = "ALU6001";
    public const string PlanSourceChanged = "ALU6002";
    public const string PlanSourceMissing = "ALU6003";
    public const string PlanInventoryDrift = "ALU6004";
    public const string PlanNotReproducible = "ALU6005";
    public const string ApprovalFileInvalid = "ALU6006";
    public const string ApprovalForAnotherPlan = "ALU6007";
    public const string WindowInvalid = "ALU6008";
    public const string RunNotFound = "ALU6009";
    public const string ScenarioInvalid = "ALU6010";
    public const string RunbookNotApplicable = "ALU6011";

    public const string SimulationStateUnusable = "ALU6030";
    public const string StateDirectoryNotWritable = "ALU6031";
    public const string NoStateHere = "ALU6032";
    public const string RunFileUnusable = "ALU6033";
}
