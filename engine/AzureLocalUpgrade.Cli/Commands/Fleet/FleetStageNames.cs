using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Engine.Validation.Catalog;
using AzureLocalUpgrade.Fleet.Running;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// Stage names given on the command line (<c>alu fleet run --approve</c>, <c>alu fleet approve --stage</c>) must
/// name stages of the fleet, compared as the store compares them (exactly): an approval for a stage that does not
/// exist would otherwise be accepted and do nothing, and the fleet would stop at the gate the operator meant to open.
/// </summary>
internal static class FleetStageNames
{
    /// <summary>'*' approves every stage's gate (<c>alu fleet run --approve '*'</c>).</summary>
    public const string Every = "*";

    /// <summary>ALU7107 for each name that is not a stage of the fleet, with the nearest stage as a suggestion.</summary>
    public static IReadOnlyList<Diagnostic> Unknown(string option, IEnumerable<string> written, IReadOnlyList<string> stages, string fleetId, SourceSpan at, bool allowEvery) =>
        [.. written.Where(name => !(allowEvery && name == Every) && !stages.Contains(name, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(name => UnknownStage(option, name, stages, fleetId, at, allowEvery))];

    private static Diagnostic UnknownStage(string option, string name, IReadOnlyList<string> stages, string fleetId, SourceSpan at, bool allowEvery) =>
        new(FleetRunCodes.UnknownStage, Severity.Error, at,
            $"{option} '{name}': fleet {fleetId} has no stage of that name (its stages: {string.Join(", ", stages)})",
            Suggestions.DidYouMean(name, stages) + $"Give a stage name as the fleet file spells it{(allowEvery ? ", or '*' for every stage's gate" : "")}; nothing was approved.");
}
