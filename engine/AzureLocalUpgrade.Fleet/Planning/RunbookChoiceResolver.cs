using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>The runbook chosen for a cluster: its file, its id for people, and how it was chosen.</summary>
internal sealed record ChosenRunbook(string FullPath, string Id, string ChosenBy, IReadOnlyList<GuardFinding> Findings);

/// <summary>
/// Chooses each cluster's runbook. Named: the shipped id or a file relative to the fleet file. Select: the verdicts of
/// <see cref="RunbookSelector"/> (the same guards as <c>alu select</c>), narrowed to the target release and to the
/// methods the fleet prefers, best preference first; when none applies the cluster is refused with the guards'
/// refusals (stretch, solution deployed, already upgraded, ...).
/// </summary>
internal sealed class RunbookChoiceResolver(RunbookLibrary library, string fleetFolder)
{
    private const string SourceRelease = "source-release";

    /// <summary>The chosen runbook, or null with <paramref name="refusals"/> (or a diagnostic when the named file does not exist).</summary>
    public ChosenRunbook? Choose(FleetCluster cluster, DiagnosticBag bag, out IReadOnlyList<RefusalReason> refusals)
    {
        refusals = [];
        var choice = cluster.Runbook;
        if (choice.Runbook is { } named)
        {
            return Named(named, choice, bag);
        }

        var candidates = library.Catalog
            .Where(r => choice.MethodPreference.Count == 0 || choice.MethodPreference.Contains(r.Method, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var verdicts = RunbookSelector.Select(cluster.Inventory!, candidates, choice.TargetVersion)
            .Where(v => v.Findings.All(f => f.Code != "other-target"))
            .ToList();
        var best = verdicts.Where(v => v.Applies)
            .OrderByDescending(v => v.Runbook.To, StringComparer.Ordinal)
            .ThenBy(v => Rank(choice.MethodPreference, v.Runbook.Method))
            .ThenBy(v => v.Runbook.Path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is not null)
        {
            return new ChosenRunbook(Path.GetFullPath(Path.Combine(library.Folder, best.Runbook.Path)), RunbookLibrary.StripYaml(best.Runbook.Path), "select", best.Findings);
        }

        // The runbooks for the cluster's own release say why; that the others start from another release is noise.
        var fromOwnRelease = verdicts.Where(v => v.Findings.All(f => f.Code != SourceRelease)).ToList();
        refusals = verdicts.Count == 0
            ? [new RefusalReason("no-runbook", NoCandidate(choice))]
            : [.. (fromOwnRelease.Count > 0 ? fromOwnRelease : verdicts).SelectMany(v => v.Findings).Where(f => f.Kind == FindingKind.Refusal)
                .GroupBy(f => f.Code, StringComparer.Ordinal).Select(g => new RefusalReason(g.Key, g.First().Message))];
        return null;
    }

    private ChosenRunbook? Named(string named, RunbookChoice choice, DiagnosticBag bag)
    {
        var asFile = Path.GetFullPath(Path.Combine(fleetFolder, named));
        var asId = library.PathOfId(RunbookLibrary.StripYaml(named));
        var path = File.Exists(asFile) ? asFile : File.Exists(asId) ? asId : null;
        if (path is null)
        {
            bag.Add(FleetDiagnostics.RunbookNotFound(choice.Span, named, $"{asId} and {asFile}"));
            return null;
        }

        var id = library.IdOf(path) ?? Path.GetRelativePath(fleetFolder, path).Replace('\\', '/');
        return new ChosenRunbook(path, id, "named", []);
    }

    // CAU first when the fleet states no preference: it keeps workloads running and is the method Microsoft documents first.
    private static int Rank(IReadOnlyList<string> preference, string method)
    {
        var order = preference.Count > 0 ? preference : ["cau", "sconfig", "wac", "offline"];
        var index = order.ToList().FindIndex(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    private static string NoCandidate(RunbookChoice choice) =>
        $"No shipped runbook installs {choice.TargetVersion ?? "a newer release"}"
        + (choice.MethodPreference.Count > 0 ? $" with the methods {string.Join(", ", choice.MethodPreference)}." : ".");
}
