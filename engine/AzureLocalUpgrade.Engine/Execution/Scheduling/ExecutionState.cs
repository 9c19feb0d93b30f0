using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Ledger;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Everything one execution session knows about its graph: the per-step, per-instance and per-group state, what
/// is running, what failed, what waits. Only the scheduling loop touches it (tasks hand back actions the loop
/// applies), so none of it needs locking. The parts of the loop (scheduler, gatekeeper, compensation,
/// conclusion) share this one instance.
/// </summary>
internal sealed class ExecutionState
{
    private readonly Dictionary<string, HashSet<string>> _groupSteps = new(StringComparer.Ordinal);
    private long _started;

    public ExecutionState(StepGraph graph, RunContext context)
    {
        Graph = graph;
        Context = context;
        Reporter = new RunReporter(context, SecretRedactor.For(graph));
        Runner = new StepRunner(context, graph, Reporter, context.Resume?.ChangeStarted ?? false);
        Ledger = new ChangeLedger(graph.Cluster.Name);
        Groups = graph.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        BuildState();
    }

    public StepGraph Graph { get; }

    public RunContext Context { get; }

    public RunReporter Reporter { get; }

    public StepRunner Runner { get; }

    public ChangeLedger Ledger { get; }

    public Dictionary<string, GraphGroup> Groups { get; }

    public List<StepState> Steps { get; } = [];

    public Dictionary<string, StepState> StepsById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InstanceState> Instances { get; } = new(StringComparer.Ordinal);

    public List<ForEachState> ForEachGroups { get; } = [];

    public Dictionary<string, CompensationState> Compensations { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups in the order their compensation was queued (innermost first, as failures bubble up).</summary>
    public List<string> CompensationOrder { get; } = [];

    public List<StepRecord> CompensationRecords { get; } = [];

    public List<RunWarning> Warnings { get; } = [];

    public List<ApprovalRecord> Approvals { get; } = [];

    public List<string> WaitingGates { get; } = [];

    public WindowDecision? WindowWait { get; set; }

    public string? WindowGroup { get; set; }

    /// <summary>The disruptive group or step (outside node groups) each step belongs to, for the window's admission.</summary>
    public Dictionary<string, WindowUnit> WindowUnitOfStep { get; } = new(StringComparer.Ordinal);

    /// <summary>Units the window admitted in this session: their later steps start without asking again.</summary>
    public HashSet<string> AdmittedUnits { get; } = new(StringComparer.Ordinal);

    public List<(string Message, bool Precondition)> Failures { get; } = [];

    /// <summary>Steps, health gates and compensations in flight; each hands back the action that records its end.</summary>
    public HashSet<Task<Action>> Running { get; } = [];

    /// <summary>
    /// Starts a step, health gate or compensation task. Its work is counted on the clock from before it starts until the
    /// loop has taken its result (<see cref="ExecutionClock.EnterWork"/>), so a virtual clock never moves while a task is
    /// running or its result waits for the loop.
    /// </summary>
    public void Start(Func<Task<Action>> work)
    {
        Context.Clock.EnterWork();
        Running.Add(InTurnAsync(work, (_started++).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Tasks started together begin one at a time, in the order they were started, when the clock serialises work at
    /// one instant (the simulator: the same run then writes the same journal, in the same order); wall time does not.
    /// </summary>
    private async Task<Action> InTurnAsync(Func<Task<Action>> work, string order)
    {
        await Context.Clock.TakeTurnAsync(order).ConfigureAwait(false);
        return await work().ConfigureAwait(false);
    }

    public bool StopRequested { get; set; }

    public bool Failing => Failures.Count > 0;

    public bool Pausing => WaitingGates.Count > 0 || WindowWait is not null;

    /// <summary>Every step id inside a group, its node instances' steps included (cached: the graph never changes).</summary>
    public HashSet<string> StepsOf(GraphGroup group)
    {
        if (_groupSteps.TryGetValue(group.Id, out var ids))
        {
            return ids;
        }

        ids = new HashSet<string>(group.StepIds.Where(StepsById.ContainsKey), StringComparer.Ordinal);
        foreach (var instanceId in group.InstanceIds)
        {
            ids.UnionWith(StepsOf(Groups[instanceId]));
        }

        _groupSteps[group.Id] = ids;
        return ids;
    }

    public bool IsWithin(string groupId, string ancestorId)
    {
        for (var id = groupId; id is not null;)
        {
            if (id == ancestorId)
            {
                return true;
            }

            var group = Groups[id];
            id = group.ForEachParentId ?? group.ParentId;
        }

        return false;
    }

    public IEnumerable<string> AncestorIds(GraphGroup group)
    {
        for (var id = group.ParentId; id is not null; id = Groups[id].ParentId)
        {
            yield return id;
        }
    }

    /// <summary>An instance holds its node out of service from the health gate until its compensation is done.</summary>
    public bool IsInFlight(InstanceState instance) => instance.Status switch
    {
        InstanceStatus.Gating or InstanceStatus.Running => true,
        InstanceStatus.Failed => instance.Steps.Any(s => s.Status == StepStatus.Running)
            || Compensations.GetValueOrDefault(instance.Group.Id, CompensationState.Done) != CompensationState.Done,
        _ => false,
    };

    public void MarkInstancesDoneWhereAllStepsAre()
    {
        foreach (var instance in Instances.Values.Where(i => i.Steps.Count > 0 && i.Steps.All(s => s.IsDone)))
        {
            instance.Status = InstanceStatus.Succeeded;
        }
    }

    public static void MarkNotRun(IEnumerable<StepState> states, string reason)
    {
        foreach (var state in states.ToList())
        {
            state.Status = StepStatus.NotRun;
            state.Message = reason;
        }
    }

    private void BuildState()
    {
        foreach (var unit in WindowUnits.Of(Graph).Where(u => u.Kind != WindowUnitKind.NodeGroup))
        {
            unit.StepIds.ToList().ForEach(id => WindowUnitOfStep[id] = unit);
        }

        foreach (var group in Graph.Groups.Where(g => g.IsForEachParent))
        {
            var forEach = new ForEachState(group);
            ForEachGroups.Add(forEach);
            foreach (var instanceId in group.InstanceIds)
            {
                var instance = new InstanceState(Groups[instanceId], forEach);
                forEach.Instances.Add(instance);
                Instances[instanceId] = instance;
            }
        }

        foreach (var step in Graph.Steps)
        {
            var instance = Graph.AncestorsOf(step).Select(g => Instances.GetValueOrDefault(g.Id)).FirstOrDefault(i => i is not null);
            var state = new StepState(step, step.Needs.Select(ResolveNeed).ToList(), instance);
            Steps.Add(state);
            StepsById[step.Id] = state;
            instance?.Steps.Add(state);
        }
    }

    private Requirement ResolveNeed(string id) =>
        Graph.TryGetStep(id, out _) ? new Requirement(id, null)
        : Groups.TryGetValue(id, out var group) ? new Requirement(id, group)
        : throw new InvalidOperationException($"A step needs '{id}', which is neither a step nor a group of this graph; the compiler should have rejected it.");
}
