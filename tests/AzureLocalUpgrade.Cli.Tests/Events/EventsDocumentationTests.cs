using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Events;

namespace AzureLocalUpgrade.Cli.Tests.Events;

/// <summary>docs/events.md shows one example line per kind: they must be exactly what the sink writes.</summary>
public sealed partial class EventsDocumentationTests
{
    [Fact]
    public void The_documented_example_lines_are_what_the_sink_writes()
    {
        using var sink = new JsonLinesEventSink(TextWriter.Null, TextWriter.Null);
        var written = SampleEvents.OfEveryKind().Select(sink.Format).ToList();

        var documented = ExampleLine().Matches(File.ReadAllText(DocsPath())).Select(m => m.Groups[1].Value).ToList();

        documented.Should().Equal(written);
    }

    private static string DocsPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "events.md"));

    [GeneratedRegex(@"^\| `[a-z-]+` \| .* \| `(\{""formatVersion"".*\})` \|$", RegexOptions.Multiline)]
    private static partial Regex ExampleLine();
}
