namespace AzureLocalUpgrade.Engine.Execution.Events;

/// <summary>
/// A structured progress event for live rendering or an NDJSON stream (<c>--output json</c>).
/// Messages are redacted before an event is built.
/// </summary>
public sealed record RunEvent(
    RunEventKind Kind,
    DateTimeOffset Time,
    string RunId,
    string? StepId = null,
    string? Target = null,
    StepStatus? Status = null,
    int? Attempt = null,
    TimeSpan? Duration = null,
    string? Message = null,
    int? ExitCode = null)
{
    /// <summary>Bumped when an event's fields change meaning (the scheduler contract's <c>formatVersion</c>).</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
}
