using System.Globalization;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// Text output on a terminal: a live area (the steps running now per target, how many are done, the last warnings)
/// redrawn on every event, then a summary table of every step (id, target, status, attempts, duration).
/// On a console that is not interactive or has no ANSI support it never redraws: it prints a line per failure, warning
/// and gate as they happen, and the same summary at the end. It never prompts.
/// Spectre's live display wants the thread that started it, so it runs on its own task until the run finishes;
/// nothing else may write to the same console meanwhile.
/// </summary>
public sealed class LiveConsoleEventSink : ICliEventSink
{
    private readonly IAnsiConsole _console;
    private readonly RunProgress _progress = new();
    private readonly Lock _gate = new();
    private readonly bool _redraw;
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _liveTask;
    private LiveDisplayContext? _live;
    private bool _summaryWritten;

    public LiveConsoleEventSink(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
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
        var table = new Table().Title(new TableTitle($"Run {_progress.RunId}", Style.Plain))
            .AddColumn("step").AddColumn("target").AddColumn("status").AddColumn(new TableColumn("attempts").RightAligned()).AddColumn(new TableColumn("duration").RightAligned());
        foreach (var row in _progress.Rows)
        {
            table.AddRow(
                new Text(row.StepId),
                new Text(row.Target ?? ""),
                new Text(EventNames.Status(row.Status), StatusStyle(row.Status)),
                new Text(row.Attempts.ToString(CultureInfo.InvariantCulture)),
                new Text(row.Duration is { } d ? Duration(d) : ""));
        }

        _console.Write(table);
        if (_progress.Finished is { } finished)
        {
            var style = finished.ExitCode == RunExitCodes.Succeeded ? new Style(Color.Green) : finished.ExitCode is RunExitCodes.Paused or RunExitCodes.Cancelled ? new Style(Color.Yellow) : new Style(Color.Red);
            _console.Write(new Text($"exit code {finished.ExitCode}: {finished.Message}", style));
            _console.WriteLine();
        }
    }

    private IRenderable RenderLive()
    {
        var header = new Text(
            $"{_progress.Headline ?? "starting"} - {_progress.Completed} step(s) done" + (_progress.Failed > 0 ? $", {_progress.Failed} failed" : ""),
            new Style(decoration: Decoration.Bold));
        var running = new Table().Border(TableBorder.Simple).AddColumn("target").AddColumn("running step").AddColumn("since");
        foreach (var row in _progress.Running.OrderBy(r => r.Target, StringComparer.Ordinal))
        {
            running.AddRow(
                new Text(row.Target ?? ""),
                new Text(row.StepId),
                new Text(row.StartedAt is { } at ? at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : ""));
        }

        var parts = new List<IRenderable> { header, running };
        parts.AddRange(_progress.Notices.Select(NoticeLine));
        return new Rows(parts);
    }

    private static Text NoticeLine(RunProgress.Notice notice) => notice.Level switch
    {
        RunProgress.NoticeLevel.Error => new Text("error: " + notice.Text, new Style(Color.Red)),
        RunProgress.NoticeLevel.Warning => new Text("warning: " + notice.Text, new Style(Color.Yellow)),
        _ => new Text(notice.Text),
    };

    private static Style StatusStyle(StepStatus status) => status switch
    {
        StepStatus.Succeeded => new Style(Color.Green),
        StepStatus.Failed => new Style(Color.Red),
        StepStatus.Interrupted or StepStatus.WaitingForApproval => new Style(Color.Yellow),
        _ => Style.Plain,
    };

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m{span.Seconds:00}s")
        : span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s");
}
