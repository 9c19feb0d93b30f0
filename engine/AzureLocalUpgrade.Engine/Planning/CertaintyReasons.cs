using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// Why a plan step is not simply Known. One instance per plan: every node's copy of a skipped or polling step has
/// the same reason, so each distinct reason is formatted once rather than once per step.
/// </summary>
internal sealed class CertaintyReasons
{
    private readonly Dictionary<string, string> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<(TimeSpan Interval, TimeSpan Timeout), string> _polls = [];

    public string? For(GraphStep step) => step.Certainty switch
    {
        Certainty.Skipped => Skipped(step.SkippedReason!),
        Certainty.ManualGate => "waits for a person's approval",
        Certainty.RuntimeDecided when step.Kind == StepKind.Wait && step.SkipIf is not null =>
            "its skipIf guard decides at run time whether it runs; it polls until true, so its duration is unknown",
        Certainty.RuntimeDecided when step.Kind == StepKind.Wait => Polls(step.PollInterval ?? TimeSpan.Zero, step.Timeout ?? TimeSpan.Zero),
        Certainty.RuntimeDecided => "its skipIf guard decides at run time whether it runs",
        _ => null,
    };

    private string Skipped(string reason)
    {
        if (!_skipped.TryGetValue(reason, out var text))
        {
            text = $"skipped at compile time ({reason})";
            _skipped[reason] = text;
        }

        return text;
    }

    private string Polls(TimeSpan interval, TimeSpan timeout)
    {
        if (!_polls.TryGetValue((interval, timeout), out var text))
        {
            text = $"polls every {DurationParser.Format(interval)} until true (fails after {DurationParser.Format(timeout)}); its duration is unknown";
            _polls[(interval, timeout)] = text;
        }

        return text;
    }
}
