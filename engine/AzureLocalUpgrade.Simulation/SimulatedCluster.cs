using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Persistence;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation;

/// <summary>
/// A simulated Azure Local cluster: one shared model behind every simulated node session, persisted after every
/// change in &lt;stateDir&gt;/clusters/&lt;cluster&gt;/simulation.json so a later run (or a resumed one) finds the
/// cluster as the last run left it. Thread-safe; safe across processes (changes re-read the file under a lock).
/// </summary>
public sealed class SimulatedCluster
{
    private readonly object _gate = new();
    private readonly StateStore _store;
    private SimulationState _state;
    private string _lastJson;

    private SimulatedCluster(StateStore store, SimulationState state)
    {
        _store = store;
        _state = state;
        _lastJson = "";
        Clock = new SimulationClock(this);
    }

    public string Name => _state.ClusterName;

    /// <summary>The simulation.json this cluster lives in.</summary>
    public string StateFilePath => _store.FilePath;

    /// <summary>The virtual clock to give the executor for runs against this cluster.</summary>
    public SimulationClock Clock { get; }

    /// <summary>Virtual time.</summary>
    public DateTimeOffset Now => Read(s => s.Now);

    /// <summary>The folder that holds a cluster's simulation state: &lt;stateDir&gt;/clusters/&lt;clusterName&gt;.</summary>
    public static string StateFolder(string stateDir, string clusterName) => Path.Combine(stateDir, "clusters", clusterName);

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

            var state = StateSerializer.Deserialize(store.Read());
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
            return store.Exists ? SnapshotFactory.Create(StateSerializer.Deserialize(store.Read())) : null;
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

    /// <summary>Runs a change against the latest state (re-read if another process wrote it) and saves it.
    /// When the change throws, the in-memory state is rolled back to the last saved one.</summary>
    internal T Mutate<T>(Func<SimulationState, T> change)
    {
        lock (_gate)
        {
            using (_store.Lock())
            {
                Refresh();
                try
                {
                    Evolution.AdvanceTo(_state, _state.Now);
                    var result = change(_state);
                    _state.RecordDownAtOnce();
                    Save();
                    return result;
                }
                catch
                {
                    _state = StateSerializer.Deserialize(_lastJson);
                    throw;
                }
            }
        }
    }

    internal void Mutate(Action<SimulationState> change) => Mutate(s =>
    {
        change(s);
        return true;
    });

    /// <summary>Reads through the same path as a change: lazily due events are processed and saved first.</summary>
    internal T Read<T>(Func<SimulationState, T> read) => Mutate(read);

    /// <summary>The persisted form, for tests that compare two instances.</summary>
    internal string ExportJson() => Read(StateSerializer.Serialize);

    private static SimulatedCluster CreateLocked(StateStore store, SimulationState state)
    {
        var cluster = new SimulatedCluster(store, state);
        cluster.Save();
        return cluster;
    }

    /// <summary>Picks up a change another process (or another instance) saved since this one last read or wrote.</summary>
    private void Refresh()
    {
        if (_store.ReadIfChanged() is { } text)
        {
            _lastJson = text;
            _state = StateSerializer.Deserialize(text);
        }
    }

    private void Save()
    {
        var json = StateSerializer.Serialize(_state);
        if (json != _lastJson || !_store.Exists)
        {
            _store.Write(json);
            _lastJson = json;
        }
    }
}
