using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Validation;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>
/// Plans a loaded fleet: each cluster's stage (the first whose groups match), its runbook (named or selected), its
/// single-cluster plan and estimate, the clusters refused and why, and the calendar from <c>start</c>. Problems in
/// the inputs (a named runbook that does not exist or does not validate, a parameter value a runbook refuses) are
/// diagnostics and make the plan null; a cluster the upgrade does not apply to is a refusal, not an error.
/// </summary>
internal sealed class FleetPlanner(string runbooksFolder, ScriptParseCache? parseCache = null)
{
    public FleetPlan? Plan(FleetDefinition fleet, DateTimeOffset start, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var folder = Path.GetDirectoryName(fleet.SourcePath)!;
        var library = new RunbookLibrary(runbooksFolder, parseCache);
        var chooser = new RunbookChoiceResolver(library, folder);
        var compiler = new ClusterPlanCompiler(library);
        var local = new DiagnosticBag();
        var refused = new List<RefusedCluster>();
        var accepted = new Dictionary<FleetStage, List<(FleetCluster Cluster, ChosenRunbook Runbook, ClusterPlanResult Result)>>(ReferenceEqualityComparer.Instance);
        var hashes = new SortedDictionary<string, string>(fleet.SourceHashes.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var cluster in fleet.Clusters)
        {
            var stage = StageCoverage.StageOf(cluster, fleet.Stages)!;
            var chosen = chooser.Choose(cluster, local, out var refusals);
            if (chosen is null)
            {
                refused.Add(Refused(cluster, stage, refusals));
                continue;
            }

            if (compiler.Compile(cluster, chosen, local) is not { } result)
            {
                continue;
            }

            hashes["runbook:" + chosen.Id] = library.HashOf(chosen.FullPath);
            if (chosen.ChosenBy == "named" && ClusterPlanCompiler.NamedRefusals(result.Graph, chosen.Id) is { Count: > 0 } named)
            {
                refused.Add(Refused(cluster, stage, named));
                continue;
            }

            if (!accepted.TryGetValue(stage, out var list))
            {
                accepted[stage] = list = [];
            }

            list.Add((cluster, chosen, result));
        }

        bag.AddRange(local.Items);
        if (local.HasErrors)
        {
            return null;
        }

        var stages = new List<FleetPlanStage>();
        var notBefore = start;
        foreach (var (stage, index) in fleet.Stages.Select((s, i) => (s, i + 1)))
        {
            var members = accepted.TryGetValue(stage, out var list) ? list : [];
            var planned = PlanStage(stage, index, members, notBefore, refused);
            stages.Add(planned);
            notBefore = planned.GateAt;
        }

        return new FleetPlan(FleetPlan.CurrentFormatVersion, fleet.Name, fleet.Description, start, stages, refused, hashes);
    }

    private static FleetPlanStage PlanStage(
        FleetStage stage, int index, List<(FleetCluster Cluster, ChosenRunbook Runbook, ClusterPlanResult Result)> members, DateTimeOffset notBefore, List<RefusedCluster> refused)
    {
        var placements = new Dictionary<string, ClusterPlacement>(StringComparer.Ordinal);
        var schedulable = new List<(FleetCluster Cluster, ChosenRunbook Runbook, ClusterPlanResult Result)>();
        foreach (var member in members)
        {
            var placement = PlacementOf(member.Cluster, member.Result);
            if (!placement.From(notBefore).Fits)
            {
                refused.Add(Refused(member.Cluster, stage, [new RefusalReason("window-too-short",
                    $"A disruptive node group of {member.Runbook.Id} needs longer than any opening of {string.Join(", ", member.Cluster.Windows)}.")]));
                continue;
            }

            placements[member.Cluster.Name] = placement;
            schedulable.Add(member);
        }

        var slots = FleetCalendar.PlaceStage(
            [.. schedulable.Select(m => new CalendarEntry(m.Cluster.Name, m.Cluster.Site, placements[m.Cluster.Name]))],
            notBefore, stage.MaxConcurrent, stage.MaxConcurrentPerSite).ToDictionary(s => s.Name, s => s.Placement, StringComparer.Ordinal);
        var clusters = schedulable.Select(m => Planned(m.Cluster, stage, m.Runbook, m.Result, placements[m.Cluster.Name], slots[m.Cluster.Name])).ToList();
        var budget = stage.FailureBudget.Count is { } count ? count.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{stage.FailureBudget.Percent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}%";
        return new FleetPlanStage(index, stage.Name, stage.MaxConcurrent, stage.MaxConcurrentPerSite, budget, stage.FailureBudget.AllowedFailures(clusters.Count),
            stage.Soak, stage.ApprovalRequired, stage.HealthCheck.NoDegradedClusters, notBefore,
            clusters.Count == 0 ? null : clusters.Max(c => c.Window.End), clusters);
    }

    private static ClusterPlacement PlacementOf(FleetCluster cluster, ClusterPlanResult result)
    {
        // The loader has checked every zone and window; an unusable one cannot reach here.
        TimeZoneResolver.TryFind(cluster.TimeZone, out var zone, out _);
        var windows = cluster.Windows
            .Select(w => MaintenanceWindowParser.TryParse(w, cluster.TimeZone, out var parsed, out _) ? parsed : null)
            .OfType<MaintenanceWindow>().ToList();
        MaintenanceWindow? window = windows.Count switch
        {
            0 => null,
            1 => windows[0],
            _ => new AnyOfWindows(windows),
        };
        return new ClusterPlacement(result.Graph, result.Estimate, window, zone);
    }

    private static PlannedCluster Planned(FleetCluster cluster, FleetStage stage, ChosenRunbook chosen, ClusterPlanResult result, ClusterPlacement placement, Placement slot)
    {
        var graph = result.Graph;
        return new PlannedCluster(
            cluster.Name, cluster.Site, cluster.Inventory!.Nodes.Count, cluster.InventoryPath, cluster.Labels, stage.Name,
            chosen.Id, graph.RunbookName, graph.RunbookVersion, graph.Method ?? "custom", graph.Upgrade?.From ?? "", graph.Upgrade?.To ?? "",
            chosen.ChosenBy, Redacted(cluster.Parameters, result.SecretParameters), result.Estimate, graph.Steps.Count, result.InputsHash, cluster.TimeZone, cluster.Windows,
            new ExpectedWindow(slot.Start, slot.End, placement.Local(slot.Start), placement.Local(slot.End), slot.Opening?.Start, slot.Opening?.End, slot.Openings),
            [.. chosen.Findings.Where(f => f.Kind != Engine.Selection.FindingKind.Refusal).Select(f => $"{f.Code}: {f.Message}")]);
    }

    // A secret parameter never appears in a plan, even when the fleet file holds it (the single-cluster plan masks it too).
    private static IReadOnlyDictionary<string, string> Redacted(IReadOnlyDictionary<string, string> parameters, IReadOnlySet<string> secrets) =>
        parameters.ToDictionary(p => p.Key, p => secrets.Contains(p.Key) ? Engine.Graph.SecretValue.Mask : p.Value, StringComparer.Ordinal);

    private static RefusedCluster Refused(FleetCluster cluster, FleetStage stage, IReadOnlyList<RefusalReason> reasons) =>
        new(cluster.Name, cluster.Site, cluster.Inventory?.Nodes.Count ?? 0, cluster.InventoryPath, stage.Name, reasons);
}
