using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;
using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Tests.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Running.Progress;

/// <summary>
/// How a running cluster's progress is derived from its run events, over the shipped 22H2 → 23H2 SConfig runbook
/// compiled for the two-node sample (hci02-n1, hci02-n2): what each node shows, what the cluster counts, the ETA.
/// </summary>
public sealed class ClusterProgressTrackerTests
{
    private const string N1 = "hci02-n1";
    private const string N2 = "hci02-n2";
    private const string Drain = "registry-keys/restart[hci02-n1]/drain/drain";
    private const string ClusterWide = "guards/solution-not-deployed";
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<StepGraph> CompiledGraph = new(Compile);

    private static StepGraph Graph => CompiledGraph.Value;

    private static IEnumerable<GraphStep> Runnable => Graph.Steps.Where(s => s.SkippedReason is null);

    private static IEnumerable<GraphStep> StepsOf(string node) => Runnable.Where(s => s.Id.Contains($"[{node}]", StringComparison.Ordinal));

    private static ClusterProgressTracker Tracker(IReadOnlyDictionary<string, StepStatus>? journal = null, bool virtualTime = true) => new(Graph, journal, virtualTime);

    private static RunEvent Event(RunEventKind kind, string step, StepStatus? status = null, DateTimeOffset? at = null) =>
        new(kind, at ?? Start, "run-1", step, null, status);

    private static void Finish(ClusterProgressTracker tracker, IEnumerable<GraphStep> steps, DateTimeOffset? at = null)
    {
        foreach (var step in steps)
        {
            tracker.Apply(Event(RunEventKind.StepStarted, step.Id, StepStatus.Running, at));
            tracker.Apply(Event(RunEventKind.StepFinished, step.Id, StepStatus.Succeeded, at));
        }
    }

    private static NodeProgress Node(ClusterProgress progress, string node) => progress.Nodes.Single(n => n.Node == node);

    [Fact]
    public void Before_the_first_event_every_node_is_waiting_with_none_of_its_steps_done_and_there_is_no_eta()
    {
        var progress = Tracker().Snapshot(null);

        progress.Nodes.Select(n => n.Node).Should().Equal(N1, N2);
        progress.Nodes.Should().OnlyContain(n => n.State == NodePhase.Waiting && n.StepsDone == 0 && n.StepsTotal == StepsOf(n.Node).Count() && n.Step == null);
        progress.StepsDone.Should().Be(0);
        progress.Eta.Should().BeNull();
    }

    [Fact]
    public void Steps_pruned_at_compile_time_are_not_counted()
    {
        Graph.Steps.Should().Contain(s => s.SkippedReason != null, "the sample prunes steps (no stretch, no AKS Arc)");
        Tracker().Snapshot(null).StepsTotal.Should().Be(Runnable.Count());
    }

    [Fact]
    public void Cluster_wide_steps_count_for_the_cluster_but_for_no_node()
    {
        var tracker = Tracker();
        Finish(tracker, [Graph.Step(ClusterWide)]);
        var progress = tracker.Snapshot(null);

        progress.StepsDone.Should().Be(1);
        progress.Nodes.Should().OnlyContain(n => n.StepsDone == 0 && n.State == NodePhase.Waiting);
    }

    [Theory]
    [InlineData("registry-keys/restart[hci02-n1]/drain/drain", "draining")]
    [InlineData("registry-keys/restart[hci02-n1]/restart/back-in-cluster", "restarting")]
    [InlineData("registry-keys/restart[hci02-n1]/toggle-refs-key", "restarting")]
    [InlineData("registry-keys/restart[hci02-n1]/return/resume", "resuming")]
    [InlineData("registry-keys/restart[hci02-n1]/health-gate/storage-jobs-finished", "health gate")]
    [InlineData("registry-keys/restart[hci02-n1]/health-gate/room-for-roles", "health gate")]
    [InlineData("guards/each-node[hci02-n1]/source-build", "checking")]
    [InlineData("registry-keys/set[hci02-n1]/refs-metadata-validation", "refs-metadata-validation")]
    public void A_node_running_a_step_shows_the_phase_that_step_belongs_to_and_the_step(string step, string phase)
    {
        var tracker = Tracker();
        tracker.Apply(Event(RunEventKind.StepStarted, step, StepStatus.Running));
        var node = Node(tracker.Snapshot(null), N1);

        node.State.Should().Be(phase);
        node.Step.Should().Be(step);
        Node(tracker.Snapshot(null), N2).State.Should().Be(NodePhase.Waiting);
    }

    [Theory]
    [InlineData("update-from-media/node/feature-update/from-media", "updating")]
    [InlineData("offline-update/update-all-nodes/update-from-media/from-media", "updating")]
    [InlineData("stage-media/each-node/extract-iso", "staging media")]
    [InlineData("finish/each-node/at-target-build", "finishing")]
    [InlineData("remoting/enable", "enable")]
    public void Phases_come_from_the_innermost_segment_of_the_steps_path_that_names_one(string sourcePath, string phase)
    {
        NodePhase.Of(Graph.Steps[0] with { SourcePath = sourcePath }).Should().Be(phase);
    }

    [Theory]
    [InlineData(RunEventKind.StepFinished, StepStatus.Succeeded)]
    [InlineData(RunEventKind.StepSkipped, StepStatus.Skipped)]
    public void A_step_that_succeeded_or_was_skipped_at_run_time_counts_as_done(RunEventKind kind, StepStatus status)
    {
        var tracker = Tracker();
        tracker.Apply(Event(kind, Drain, status));
        var progress = tracker.Snapshot(null);

        Node(progress, N1).StepsDone.Should().Be(1);
        Node(progress, N1).State.Should().Be(NodePhase.Waiting, "between steps a node waits for its next one");
        progress.StepsDone.Should().Be(1);
    }

    [Fact]
    public void A_node_whose_steps_are_all_done_is_done()
    {
        var tracker = Tracker();
        Finish(tracker, StepsOf(N1));
        var node = Node(tracker.Snapshot(null), N1);

        node.State.Should().Be(NodePhase.Done);
        node.StepsDone.Should().Be(node.StepsTotal).And.BeGreaterThan(5);
    }

    [Theory]
    [InlineData(StepStatus.Failed, "failed", 0)]
    [InlineData(StepStatus.Interrupted, "waiting", 0)]
    public void A_step_that_ended_otherwise_is_not_done_and_a_failed_one_marks_its_node_failed(StepStatus status, string state, int done)
    {
        var tracker = Tracker();
        tracker.Apply(Event(RunEventKind.StepStarted, Drain, StepStatus.Running));
        tracker.Apply(Event(RunEventKind.StepFinished, Drain, status));
        var node = Node(tracker.Snapshot(null), N1);

        node.State.Should().Be(state);
        node.StepsDone.Should().Be(done);
    }

    [Fact]
    public void A_resumed_run_starts_from_the_steps_its_journal_finished_and_re_counts_the_one_it_was_running()
    {
        var finished = StepsOf(N1).Take(3).ToList();
        var journal = finished.ToDictionary(s => s.Id, _ => StepStatus.Succeeded);
        journal[Drain] = StepStatus.Running;
        var progress = Tracker(journal).Snapshot(null);

        Node(progress, N1).StepsDone.Should().Be(3);
        Node(progress, N1).State.Should().Be(NodePhase.Waiting);
        progress.StepsDone.Should().Be(3);
    }

    [Fact]
    public void Builds_are_shown_where_known()
    {
        var progress = Tracker().Snapshot(new Dictionary<string, string> { [N1] = "25398.1732" });

        Node(progress, N1).Build.Should().Be("25398.1732");
        Node(progress, N2).Build.Should().BeNull();
    }

    [Fact]
    public void The_eta_is_the_runs_clock_plus_the_critical_path_of_every_step_still_to_do()
    {
        var tracker = Tracker();
        tracker.Apply(new RunEvent(RunEventKind.RunStarted, Start, "run-1"));

        tracker.Snapshot(null).Eta.Should().Be(Start + CriticalPath.Of([.. Runnable]).Length);
    }

    [Fact]
    public void A_running_step_counts_what_is_left_of_its_estimate()
    {
        var first = Runnable.First(s => s.Estimate > TimeSpan.FromMinutes(1));
        var before = Runnable.TakeWhile(s => s != first).ToList();
        var tracker = Tracker();
        Finish(tracker, before);
        tracker.Apply(Event(RunEventKind.StepStarted, first.Id, StepStatus.Running, Start));
        tracker.Apply(new RunEvent(RunEventKind.Warning, Start + TimeSpan.FromMinutes(1), "run-1"));
        var left = Runnable.Skip(before.Count).Select(s => s == first ? s with { Estimate = s.Estimate - TimeSpan.FromMinutes(1) } : s).ToList();

        tracker.Snapshot(null).Eta.Should().Be(Start + TimeSpan.FromMinutes(1) + CriticalPath.Of(left).Length);
    }

    [Fact]
    public void When_every_step_is_done_the_eta_is_the_last_events_time()
    {
        var tracker = Tracker();
        Finish(tracker, Runnable, Start.AddHours(3));
        var progress = tracker.Snapshot(null);

        progress.Eta.Should().Be(Start.AddHours(3));
        progress.StepsDone.Should().Be(progress.StepsTotal);
        progress.Nodes.Should().OnlyContain(n => n.State == NodePhase.Done);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_eta_says_whether_it_is_on_the_simulators_virtual_clock(bool simulated)
    {
        Tracker(virtualTime: simulated).Snapshot(null).EtaIsVirtualTime.Should().Be(simulated);
    }

    private static StepGraph Compile()
    {
        var bag = new DiagnosticBag();
        var inventory = InventoryLoader.Load(Path.Combine(SimulatedClusterRun.RepoRoot, SimulatedClusterRun.Inventory), bag)!;
        var runbook = RunbookValidation.LoadAndValidate(Path.Combine(SimulatedClusterRun.RepoRoot, SimulatedClusterRun.Runbook)).ValidRunbook!;
        return new StepGraphCompiler().Compile(runbook, ParameterBinder.Bind(runbook, [], null, bag), inventory, bag)
            ?? throw new InvalidOperationException(string.Join('\n', bag.Items.Select(d => d.Message)));
    }
}
