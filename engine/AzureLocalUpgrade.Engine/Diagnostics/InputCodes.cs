namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// Codes for how alu reads its inputs and names its state (ALU102x, ALU260x) that no runbook fixture can produce: a
/// device or FIFO, a document too big to build, a run id or state path that would leave the state folder. Like
/// <see cref="DiagnosticCodes"/>, a code never changes meaning; docs/diagnostics.md has one entry per code.
/// </summary>
public static class InputCodes
{
    public const string NotRegularFile = "ALU1020";
    public const string TooManyNodes = "ALU1021";
    public const string InvalidRunId = "ALU2603";
    public const string PathOutsideStateDirectory = "ALU2604";
}
