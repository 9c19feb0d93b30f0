using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>Problems with the state folder found while a command runs (ALU6030–ALU6033); each says the way out.</summary>
public static class StateDiagnostics
{
    public static Diagnostic SimulationStateUnusable(string file, string reason) =>
        new(RunInputCodes.SimulationStateUnusable, Severity.Error, SourceSpan.At(file, 1, 1),
            $"The simulated cluster's state {file} cannot be used: {EchoText.Short(reason)}.",
            "Start the simulated cluster afresh: alu sim reset --cluster INVENTORY --state-dir DIR (its runs stay listed by alu status).");

    public static Diagnostic StateDirectoryNotWritable(string stateDirectory, string reason) =>
        new(RunInputCodes.StateDirectoryNotWritable, Severity.Error, SourceSpan.None,
            $"alu cannot write in its state folder {stateDirectory}: {reason}",
            "Make the folder writable by this user, or choose another with --state-dir DIR or ALU_STATE_DIR.");

    public static Diagnostic NoStateHere(string stateDirectory, bool exists) =>
        new(RunInputCodes.NoStateHere, Severity.Warning, SourceSpan.None,
            exists
                ? $"The folder {stateDirectory} holds no alu state (no runs, locks or simulated clusters)."
                : $"The state folder {stateDirectory} does not exist, so it holds no alu state.",
            "Check --state-dir (or ALU_STATE_DIR): give the folder alu run used. Without either, alu uses ~/.local/state/azurelocalupgrade.");

    public static Diagnostic RunFileUnusable(string runId, string file, string reason) =>
        new(RunInputCodes.RunFileUnusable, Severity.Error, SourceSpan.At(file, 1, 1),
            $"Run {runId} cannot be resumed: its {Path.GetFileName(file)} {EchoText.Short(reason)}, so the runbook, inventory and parameters it pinned are unknown.",
            $"alu status {runId} still shows what it did. Check the cluster, then start a new run with alu run RUNBOOK --cluster FILE (or alu run PLAN.json).");
}
