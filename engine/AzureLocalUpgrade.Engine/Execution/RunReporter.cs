using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// The one way out of the executor: every record goes to the journal (flushed) and then, as an event, to the sink,
/// in the same order, one at a time. Every message passes through the redactor first.
/// </summary>
internal sealed class RunReporter(RunContext context, SecretRedactor redactor)
{
    private readonly Lock _gate = new();

    public string RunId => context.RunId;

    public DateTimeOffset Now => context.Clock.UtcNow;

    public string? Redact(string? text) => redactor.Redact(text);

    public void Write(JournalRecord record, RunEvent? runEvent = null)
    {
        lock (_gate)
        {
            context.Journal.Append(record with
            {
                RunId = context.RunId,
                Time = record.Time == default ? Now : record.Time,
                Message = redactor.Redact(record.Message),
                Reason = redactor.Redact(record.Reason),
                Baseline = redactor.Redact(record.Baseline),
            });
            if (runEvent is not null)
            {
                context.Events.Publish(runEvent with { Message = redactor.Redact(runEvent.Message) });
            }
        }
    }

    public RunEvent Event(RunEventKind kind, string? stepId = null, string? target = null, StepStatus? status = null,
        int? attempt = null, TimeSpan? duration = null, string? message = null, int? exitCode = null) =>
        new(kind, Now, context.RunId, stepId, target, status, attempt, duration, message, exitCode);
}
