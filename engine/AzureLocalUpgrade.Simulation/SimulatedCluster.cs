using System.Buffers;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Persistence;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation;

/// <summary>
/// A simulated Azure Local cluster: one shared model behind every simulated node session, persisted after every
/// change in &lt;stateDir&gt;/clusters/&lt;cluster&gt;/simulation.json so a later run (or a resumed one) finds the
/// cluster as the last run left it. Thread-safe; safe across processes (changes re-read the file under a lock
/// when another writer saved since). A change is saved only when it changed the persisted form; a read saves only
/// when events that fell due had to be processed first, so the clock and queries never serialise the whole state.
/// </summary>
public sealed class SimulatedCluster
{
    private readonly object _gate = new();
    private readonly StateStore _store;
    // Two reused buffers: the candidate serialisation and the last saved bytes. They swap roles after a write, so a
    // save copies nothing and allocates nothing (a 16-node state is larger than the large-object threshold, and a
    // fresh copy per save fed the background GC).
    private ArrayBufferWriter<byte> _scratch = new();
    private ArrayBufferWriter<byte> _lastSaved = new();
    private SimulationState _state;

    private SimulatedCluster(StateStore store, SimulationState state)
    {
        _store = store;
        _state = state;
        Scheduler = new VirtualTimeScheduler(AdvanceAtLeastTo);
        Clock = new SimulationClock(this);
    }

    public string Name => _state.ClusterName;

    /// <summary>The simulation.json this cluster lives in.</summary>
    public string StateFilePath => _store.FilePath;

    /// <summary>The virtual clock to give the executor for runs against this cluster.</summary>
    public SimulationClock Clock { get; }

    /// <summary>Decides when virtual time moves while a run has work in flight (<see cref="VirtualTimeScheduler"/>).</summary>
    internal VirtualTimeScheduler Scheduler { get; }

    /// <summary>Virtual time.</summary>
    public DateTimeOffset Now => Read(s => s.Now);

    /// <summary>The folder that holds a cluster's simulation state: &lt;stateDir&gt;/clusters/&lt;clusterName&gt;.</summary>
    public static string StateFolder(string stateDir, string clusterName) => Engine.Inputs.StatePaths.Under(stateDir, "clusters", clusterName);

    /// <summary>
    /// Opens the cluster's saved state, or creates it from the inventory when there is none. The scenario becomes
    /// the active one (null clears faults); reopening with the same scenario keeps which faults have already fired.
    /// Start-state faults (solution deployed, AKS Arc, stretch) apply only when the state is created.
    /// A Updating Run found in progress belonged to a process that died: it becomes RunFailed.
    /// </summary>
    public static SimulatedCluster OpenOrCreate(ClusterInventory inventory, string stateDir, FaultScenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var store = new StateStore(StateFolder(stateDir, inventory.Name));
        using (store.Lock())
        {
            if (!store.Exists)
            {
                return CreateLocked(store, StateFactory.Create(inventory, scenario));
            }

            var state = StateSerializer.Deserialize(store.Read(), store.FilePath);
            if (scenario is null)
            {
                state.Scenario = null;
            }
            else if (state.Scenario?.Fingerprint != scenario.Fingerprint)
            {
                state.Scenario = ScenarioActivation.Resolve(scenario, inventory);
            }

            if (state.Cau.RunState == CauRunState.RunInProgress)
            {
                state.Cau.RunState = CauRunState.RunFailed;
                state.Cau.CurrentRun = null;
            }

            return CreateLocked(store, state);
        }
    }

    /// <summary>Starts afresh from the inventory (alu sim reset), discarding the saved state.</summary>
    public static SimulatedCluster Reset(ClusterInventory inventory, string stateDir, FaultScenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var store = new StateStore(StateFolder(stateDir, inventory.Name));
        using (store.Lock())
        {
            return CreateLocked(store, StateFactory.Create(inventory, scenario));
        }
    }

    /// <summary>Reads a saved cluster without changing it (for status output); null when there is no saved state.</summary>
    public static SimulationSnapshot? ReadSnapshot(string stateDir, string clusterName)
    {
        var store = new StateStore(StateFolder(stateDir, clusterName));
        using (store.Lock())
        {
            return store.Exists ? SnapshotFactory.Create(StateSerializer.Deserialize(store.Read(), store.FilePath)) : null;
        }
    }

    public SimulationSnapshot Snapshot() => Read(SnapshotFactory.Create);

    /// <summary>Moves virtual time forward, processing every boot, drain and repair that falls due.</summary>
    public void AdvanceTime(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "Virtual time only moves forward.");
        }

        Mutate(s => Evolution.AdvanceTo(s, s.Now + delay));
    }

    /// <summary>
    /// Work in <paramref name="session"/> that takes <paramref name="duration"/> of virtual time (an install, a drain, a
    /// sleep): returns when virtual time has reached its end. Other work of the run goes on meanwhile, so call it
    /// outside any change of the model (never inside <see cref="Mutate{T}"/>).
    /// </summary>
    internal void Pass(TimeSpan duration, string session, CancellationToken cancellationToken)
    {
        if (duration > TimeSpan.Zero)
        {
            WaitUntil(Now + duration, session, cancellationToken);
        }
    }

    /// <summary>Returns when virtual time has reached <paramref name="instant"/> (at once when it has already).</summary>
    internal void WaitUntil(DateTimeOffset instant, string session, CancellationToken cancellationToken) =>
        Scheduler.WaitUntil(instant, session, cancellationToken);

    /// <summary>
    /// The scheduler's clock move. A third of a fleet run's moves find virtual time already there (several waiters due
    /// at one instant; fleet-12: 2,238 of 6,482): such a move changes the state only when events fell due, so, like
    /// <see cref="Read{T}"/>, it saves only then instead of serialising the whole state to learn that nothing changed.
    /// </summary>
    private void AdvanceAtLeastTo(DateTimeOffset instant) =>
        Latest(() => CatchUpSavingOnlyChanges(s => Evolution.AdvanceTo(s, instant > s.Now ? instant : s.Now)));

    /// <summary>
    /// Processes the events already due (then <paramref name="advance"/>s the clock, for a clock move) and saves only
    /// when that changed the state: an event processed, virtual time moved, or a new most-nodes-down record.
    /// </summary>
    private bool CatchUpSavingOnlyChanges(Action<SimulationState>? advance = null) => RollingBackOnFailure(() =>
    {
        var downBefore = _state.MaxNodesDownAtOnce;
        var nowBefore = _state.Now;
        var processed = Evolution.CatchUp(_state);
        advance?.Invoke(_state);
        _state.RecordDownAtOnce();
        if (processed || _state.Now != nowBefore || _state.MaxNodesDownAtOnce != downBefore)
        {
            Save();
        }

        return true;
    });

    /// <summary>Runs a change against the latest state (re-read if another process wrote it) and saves it.
    /// When the change throws, the in-memory state is rolled back to the last saved one.</summary>
    internal T Mutate<T>(Func<SimulationState, T> change) => Latest(() => RollingBackOnFailure(() =>
    {
        Evolution.CatchUp(_state);
        var result = change(_state);
        _state.RecordDownAtOnce();
        Save();
        return result;
    }));

    internal void Mutate(Action<SimulationState> change) => Mutate(s =>
    {
        change(s);
        return true;
    });

    /// <summary>
    /// Reads the latest state; events already due are processed and saved first, as a change would. The read itself
    /// must not change the state, so nothing is serialised or saved after it (debug builds check that it did not).
    /// </summary>
    internal T Read<T>(Func<SimulationState, T> read) => Latest(() =>
    {
        CatchUpSavingOnlyChanges();
#if DEBUG
        var before = StateSerializer.Serialize(_state);
        var value = read(_state);
        if (StateSerializer.Serialize(_state) != before)
        {
            throw new InvalidOperationException("A read of the simulated cluster changed its state; use Mutate (OnCluster in a cmdlet).");
        }

        return value;
#else
        return read(_state);
#endif
    });

    /// <summary>Runs <paramref name="body"/> holding this instance's gate and the cluster's file lock, on the latest
    /// state (re-read first if another process or instance saved since).</summary>
    private T Latest<T>(Func<T> body)
    {
        lock (_gate)
        {
            using (_store.Lock())
            {
                Refresh();
                return body();
            }
        }
    }

    /// <summary>The persisted form, for tests that compare two instances.</summary>
    internal string ExportJson() => Read(StateSerializer.Serialize);

    private static SimulatedCluster CreateLocked(StateStore store, SimulationState state)
    {
        var cluster = new SimulatedCluster(store, state);
        cluster.Save();
        return cluster;
    }

    /// <summary>Runs a change; when it throws, the in-memory state goes back to the last saved one.</summary>
    private T RollingBackOnFailure<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch
        {
            _state = StateSerializer.Deserialize(_lastSaved.WrittenSpan, _store.FilePath);
            throw;
        }
    }

    /// <summary>Picks up a change another process (or another instance) saved since this one last read or wrote.</summary>
    private void Refresh()
    {
        if (_store.ReadIfChanged() is { } saved && !saved.AsSpan().SequenceEqual(_lastSaved.WrittenSpan))
        {
            _lastSaved.ResetWrittenCount();
            _lastSaved.Write(saved);
            _state = StateSerializer.Deserialize(saved, _store.FilePath);
        }
    }

    /// <summary>Writes the state when its persisted form differs from the last saved one (serialised into a reused
    /// buffer, so an unchanged state costs no allocation).</summary>
    private void Save()
    {
        _scratch.ResetWrittenCount();
        StateSerializer.Serialize(_state, _scratch);
        var json = _scratch.WrittenSpan;
        if (!json.SequenceEqual(_lastSaved.WrittenSpan) || !_store.Exists)
        {
            _store.Write(json);
            (_lastSaved, _scratch) = (_scratch, _lastSaved);
        }
    }
}
