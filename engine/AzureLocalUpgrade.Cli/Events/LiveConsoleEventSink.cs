using System.Globalization;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// Text output on a terminal: a live area (<see cref="LiveProgressView"/>: steps done of total, elapsed and ETA, a grid
/// of nodes, the step running on each target, the last warnings with repeats counted) redrawn on every event, then one
/// summary row per node, printed once.
/// On a console that is not interactive or has no ANSI support it never redraws: it prints a line per failure, warning
/// and gate as they happen, and the same summary at the end. It never prompts.
/// Spectre's live display wants the thread that started it, so it runs on its own task until the run finishes;
/// nothing else may write to the same console meanwhile.
/// </summary>
public sealed class LiveConsoleEventSink : ICliEventSink
{
    private readonly IAnsiConsole _console;
    private readonly RunOutline _outline;
    private readonly RunProgress _progress;
    private readonly Lock _gate = new();
    private readonly bool _redraw;
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _liveTask;
    private LiveDisplayContext? _live;
    private bool _summaryWritten;

    /// <param name="outline">The run's nodes, steps and estimates; without it the display shows what the events say.</param>
    public LiveConsoleEventSink(IAnsiConsole console, RunOutline? outline = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _outline = outline ?? RunOutline.Empty;
        _progress = new RunProgress(_outline.Nodes);
        _redraw = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
    }
    /// <summary>True when the console redraws in place; false when it degrades to printed lines.</summary>
    public bool IsLive => _redraw;

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        lock (_gate)
        {
            var notice = _progress.Apply(runEvent);
            if (_redraw)
            {
                EnsureLive();
                _live!.UpdateTarget(RenderLive());
                _live.Refresh();
            }
            else if (notice is not null)
            {
                _console.Write(NoticeLine(notice));
                _console.WriteLine();
            }

            if (runEvent.Kind == RunEventKind.RunFinished)
            {
                StopLive();
                WriteSummary();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            StopLive();
            WriteSummary();
        }
    }

    private void EnsureLive()
    {
        if (_liveTask is not null)
        {
            return;
        }

        var ready = new TaskCompletionSource<LiveDisplayContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        _liveTask = Task.Run(() => _console.Live(RenderLive())
            .AutoClear(true)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                ready.SetResult(context);
                await _stop.Task.ConfigureAwait(false);
            }));
        // Surface a failure to start (another live display on this console) here rather than hang.
        Task.WaitAny(ready.Task, _liveTask);
        _live = ready.Task.IsCompletedSuccessfully ? ready.Task.Result : throw new InvalidOperationException("The live display did not start.", _liveTask.Exception);
    }

    private void StopLive()
    {
        if (_liveTask is null)
        {
            return;
        }

        _stop.TrySetResult();
        _liveTask.GetAwaiter().GetResult();
        _liveTask = null;
        _live = null;
    }

    private void WriteSummary()
    {
        if (_summaryWritten || _progress.RunId is null)
        {
            return;
        }

        _summaryWritten = true;
        var table = LiveProgressView.Summary(_progress, _outline);
        _console.Write(table);
        if (_progress.Finished is { } finished)
        {
            var style = finished.ExitCode == RunExitCodes.Succeeded ? new Style(Color.Green) : finished.ExitCode is RunExitCodes.Paused or RunExitCodes.Cancelled ? new Style(Color.Yellow) : new Style(Color.Red);
            _console.Write(new Text($"exit code {finished.ExitCode}: {finished.Message}", style));
            _console.WriteLine();
        }
    }

    private IRenderable RenderLive() => LiveProgressView.Render(_progress, _outline);

    private static Text NoticeLine(RunProgress.Notice notice) => LiveProgressView.NoticeLine(notice);
}
