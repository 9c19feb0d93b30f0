using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Tests.Events;

public sealed class LiveConsoleEventSinkTests
{
    private static IAnsiConsole Console(StringWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return console;
    }

    private static string Render(bool interactive, IEnumerable<RunEvent> events, out bool wasLive)
    {
        using var output = new StringWriter();
        using (var sink = new LiveConsoleEventSink(Console(output, interactive)))
        {
            wasLive = sink.IsLive;
            foreach (var runEvent in events)
            {
                sink.Publish(runEvent);
            }
        }

        return output.ToString();
    }

    [Fact]
    public void A_console_that_is_not_interactive_never_redraws()
    {
        var text = Render(interactive: false, SampleEvents.OfEveryKind(), out var wasLive);

        wasLive.Should().BeFalse();
        text.Should().NotContain("\u001b");
    }

    [Fact]
    public void A_console_that_is_not_interactive_prints_warnings_and_failures_as_lines()
    {
        var text = Render(interactive: false, SampleEvents.OfEveryKind(), out _);

        text.Should().Contain("warning: rolling[hci01-n1]/drain: attempt 1 failed, retrying: failed: drain timed out")
            .And.Contain("warning: vms-running: 2 VMs still running");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_summary_has_one_row_per_node_with_its_steps_counted_and_timed(bool interactive)
    {
        var text = Render(interactive, SampleEvents.OfEveryKind(), out _);

        var node = text.Split('\n').Last(l => l.Contains("hci01-n1", StringComparison.Ordinal));
        node.Should().Contain("1m23s");
        text.Split('\n').Last(l => l.Contains("(cluster, orchestrator)", StringComparison.Ordinal)).Should().Contain(" 1 ", "arc-extensions was skipped");
        text.Should().Contain("exit code 1: the run failed at rolling[hci01-n2]/update");
    }

    [Fact]
    public void A_terminal_redraws_in_place()
    {
        var text = Render(interactive: true, SampleEvents.OfEveryKind(), out var wasLive);

        wasLive.Should().BeTrue();
        text.Should().Contain("\u001b[?25l", "the live display hides the cursor while it redraws");
    }

    [Fact]
    public void Step_ids_with_brackets_are_shown_as_text_not_markup()
    {
        var step = new RunEvent(RunEventKind.StepFinished, SampleEvents.At, SampleEvents.RunId, "group[red]/x", "orchestrator", StepStatus.Failed, 1, TimeSpan.Zero, "boom [/]");

        var text = Render(interactive: false, [SampleEvents.Of(RunEventKind.RunStarted), step], out _);

        text.Should().Contain("group[red]/x").And.Contain("boom [/]");
    }

    [Fact]
    public void Disposing_before_any_event_writes_nothing()
    {
        Render(interactive: false, [], out _).Should().BeEmpty();
    }
}
