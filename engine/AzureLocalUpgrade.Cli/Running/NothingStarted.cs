using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// <c>alu run --continue</c> that starts nothing because this graph's run already finished: a person reads one line
/// on stderr; with <c>--log-format json</c> a scheduler reads a <c>nothing-to-do</c> event on stdout instead.
/// </summary>
internal static class NothingStarted
{
    public static void Report(CliConsole console, LogFormat logFormat, string runId, string message, int exitCode)
    {
        if (logFormat != LogFormat.Json)
        {
            console.Error.WriteLine(message);
            return;
        }

        // No run executes, so there is no execution clock: the wall clock says when the scheduler was answered.
        using var sink = new JsonLinesEventSink(console.Out, console.Error);
        sink.Publish(new RunEvent(RunEventKind.NothingToDo, DateTimeOffset.UtcNow, runId, Message: message, ExitCode: exitCode));
    }
}
