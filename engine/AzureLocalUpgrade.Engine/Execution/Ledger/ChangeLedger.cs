using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Ledger;

/// <summary>
/// What this run changed, from the change tags of the steps it ran. It only ever reports: undo happens through the
/// runbook's onFailure steps, never through fixes the executor would invent. Thread-safe.
/// </summary>
public sealed class ChangeLedger
{
    private readonly Lock _gate = new();
    private readonly string _cluster;

    // Open states by (category, subject), in the order they were opened.
    private readonly List<(string Key, LeftoverChange Change)> _open = [];

    public ChangeLedger(string cluster) => _cluster = cluster;

    /// <summary>
    /// Records the changes of a step that finished. A succeeded step changed what its tags say; a failed step that
    /// opens a state may have done so part-way (a drain that failed can leave the node Paused), recorded as uncertain.
    /// </summary>
    /// <returns>The changes recorded, for the journal.</returns>
    public IReadOnlyList<JournalChange> RecordFinished(GraphStep step, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(step);
        var recorded = new List<JournalChange>();
        foreach (var raw in step.Tags)
        {
            if (ChangeTags.Parse(raw) is not { } parsed)
            {
                continue;
            }

            var kind = ChangeTags.Kinds[parsed.Tag];
            if (!succeeded && !kind.Opens)
            {
                continue;
            }

            var change = new JournalChange(raw, SubjectOf(step, parsed.Tag, parsed.Object), step.Id, Certain: succeeded);
            Apply(change);
            recorded.Add(change);
        }

        return recorded;
    }

    /// <summary>Replays a journalled change (resume), so a leftover from an earlier session is still reported.</summary>
    public void Apply(JournalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (ChangeTags.Parse(change.Tag) is not { } parsed)
        {
            return;
        }

        var kind = ChangeTags.Kinds[parsed.Tag];
        var key = kind.Category + "|" + change.Subject;
        lock (_gate)
        {
            if (kind.Opens)
            {
                _open.RemoveAll(o => o.Key == key);
                _open.Add((key, new LeftoverChange(change.Subject, kind.State, change.StepId, parsed.Tag, change.Certain, Describe(change, kind))));
            }
            else
            {
                // Closing something the run did not open is recorded in the journal but owns nothing here.
                _open.RemoveAll(o => o.Key == key);
            }
        }
    }

    public IReadOnlyList<LeftoverChange> Leftovers()
    {
        lock (_gate)
        {
            return _open.Select(o => o.Change).ToList();
        }
    }

    private string SubjectOf(GraphStep step, string tag, string? obj)
    {
        var node = step.Target.Node;
        return tag switch
        {
            ChangeTags.StopsCluster or ChangeTags.StartsCluster => $"cluster {_cluster}",
            ChangeTags.DisablesService or ChangeTags.EnablesService =>
                $"service {obj ?? "(unnamed)"}" + (node is null ? "" : $" on node {node}"),
            ChangeTags.DiskOffline or ChangeTags.DiskOnline => obj is null ? $"disks of node {node ?? _cluster}" : $"disk {obj}",
            _ => node is null ? "the orchestrator" : $"node {node}",
        };
    }

    private static string Describe(JournalChange change, ChangeKind kind) => change.Certain
        ? $"{change.Subject} left {kind.State} by step {change.StepId}; no onFailure step {kind.UndoneBy} it"
        : $"{change.Subject} may be left {kind.State}: step {change.StepId} ({change.Tag}) failed part-way; check it";
}
