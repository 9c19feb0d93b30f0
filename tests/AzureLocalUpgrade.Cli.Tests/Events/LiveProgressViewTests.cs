using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AzureLocalUpgrade.Cli.Tests.Events;

/// <summary>
/// The live display as a function of run events: golden text at 4 and 16 nodes, halfway through a rolling update
/// (some nodes done, one running, the same warning from every node so far) and the per-node summary at the end.
/// Accept an intended change with: ALU_SET_BASELINE=1 dotnet test --filter LiveProgressViewTests
/// </summary>
public sealed class LiveProgressViewTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 7, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Halfway_through_the_display_matches_its_golden_file(int nodes)
    {
        var (progress, outline) = Fold(nodes, Halfway(nodes));

        Golden($"{nodes}-nodes-live.txt", Text(LiveProgressView.Render(progress, outline)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void The_summary_has_one_row_per_node(int nodes)
    {
        var (progress, outline) = Fold(nodes, Events(nodes, nodes));

        var text = Text(LiveProgressView.Summary(progress, outline));

        Golden($"{nodes}-nodes-summary.txt", text);
        text.Split('\n').Count(l => l.Contains("-n", StringComparison.Ordinal)).Should().Be(nodes);
    }

    [Fact]
    public void A_warning_repeated_for_every_node_is_shown_once_with_the_count()
    {
        var (progress, outline) = Fold(16, Halfway(16));

        var text = Text(LiveProgressView.Render(progress, outline));

        text.Split('\n').Count(l => l.Contains("live-migrated", StringComparison.Ordinal)).Should().Be(1);
        text.Should().Contain("(× 8 nodes)");
    }

    private static List<RunEvent> Halfway(int nodes) => [.. Events(nodes, nodes / 2), Started(nodes / 2 + 1, "drain", nodes / 2 * 2, nodes)];

    private static (RunProgress, RunOutline) Fold(int nodes, IEnumerable<RunEvent> events)
    {
        var names = Names(nodes);
        var estimates = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["prepare"] = TimeSpan.FromMinutes(1) };
        var nodeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in names)
        {
            foreach (var (step, minutes) in new[] { ("drain", 5), ("update", 40) })
            {
                estimates[$"rolling[{node}]/{step}"] = TimeSpan.FromMinutes(minutes);
                nodeOf[$"rolling[{node}]/{step}"] = node;
            }
        }

        var outline = new RunOutline(names, estimates, nodeOf);
        var progress = new RunProgress(names);
        foreach (var e in events)
        {
            progress.Apply(e);
        }

        return (progress, outline);
    }

    /// <summary>prepare, then drain and update on the first <paramref name="done"/> nodes in turn, 20 minutes a node.</summary>
    private static IEnumerable<RunEvent> Events(int nodes, int done)
    {
        yield return new(RunEventKind.RunStarted, Start, "run1", Message: $"starting os-upgrade 1.0.0 on cluster hci{nodes}");
        yield return new(RunEventKind.StepStarted, Start, "run1", "prepare", "orchestrator", StepStatus.Running);
        yield return new(RunEventKind.StepFinished, Start, "run1", "prepare", "orchestrator", StepStatus.Succeeded, 1, TimeSpan.FromSeconds(5));
        for (var i = 1; i <= done; i++)
        {
            var node = $"hci{nodes}-n{i}";
            yield return Started(i, "drain", 2 * (i - 1), nodes);
            yield return new(RunEventKind.Warning, At(2 * i - 1), "run1", $"rolling[{node}]/drain", $"node {node}", Message: $"2 VMs live-migrated off {node}");
            yield return Finished(i, "drain", 2 * i - 1, nodes);
            yield return Started(i, "update", 2 * i - 1, nodes);
            yield return Finished(i, "update", 2 * i, nodes);
        }
    }

    private static RunEvent Started(int i, string step, int tick, int nodes) =>
        new(RunEventKind.StepStarted, At(tick), "run1", $"rolling[hci{nodes}-n{i}]/{step}", $"node hci{nodes}-n{i}", StepStatus.Running);

    private static RunEvent Finished(int i, string step, int tick, int nodes) =>
        new(RunEventKind.StepFinished, At(tick), "run1", $"rolling[hci{nodes}-n{i}]/{step}", $"node hci{nodes}-n{i}", StepStatus.Succeeded, 1, TimeSpan.FromMinutes(10));

    private static DateTimeOffset At(int tick) => Start + TimeSpan.FromMinutes(10 * tick);

    private static List<string> Names(int nodes) => Enumerable.Range(1, nodes).Select(i => $"hci{nodes}-n{i}").ToList();

    private static string Text(IRenderable renderable)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        console.Write(renderable);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Golden(string name, string actual, [CallerFilePath] string thisFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "live", name);
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        actual.Should().Be(File.Exists(path) ? File.ReadAllText(path) : "", $"the live display changed; review {path}");
    }
}
