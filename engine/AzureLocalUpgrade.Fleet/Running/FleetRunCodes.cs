namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>Diagnostic codes of fleet runs and the fleet commands (ALU7100–ALU7199; docs/diagnostics.md).</summary>
internal static class FleetRunCodes
{
    /// <summary>--db names neither a reachable PostgreSQL server nor a usable SQLite file.</summary>
    public const string StoreUnavailable = "ALU7100";

    /// <summary>No run of this fleet in the store (status, approve, resume, stop before start).</summary>
    public const string FleetNotFound = "ALU7101";

    /// <summary>approve: no such stage, or its gate is not waiting for approval.</summary>
    public const string GateNotAwaiting = "ALU7102";

    /// <summary>resume: the fleet is not halted or stopped; start: it is already running.</summary>
    public const string WrongFleetState = "ALU7103";

    /// <summary>worker: --site missing or empty.</summary>
    public const string SiteMissing = "ALU7104";

    /// <summary>A cluster's window in the fleet file does not parse (found when its job compiles).</summary>
    public const string WindowInvalid = "ALU7105";

    /// <summary>A cluster's runbook is neither a file nor a shipped runbook id.</summary>
    public const string RunbookNotFound = "ALU7106";

    /// <summary>run --approve, approve --stage: the name is not a stage of the fleet (nothing is approved or started).</summary>
    public const string UnknownStage = "ALU7107";
}
