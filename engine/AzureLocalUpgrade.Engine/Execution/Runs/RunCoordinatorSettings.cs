using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>What stays the same for every run of one CLI process.</summary>
/// <param name="Clock">Execution time: virtual against the simulator.</param>
/// <param name="WallClock">Real time for lock leases and heartbeats, even in simulation.</param>
/// <param name="JournalDurability">How far each journal record is flushed: to the disk for real clusters, to the
/// operating system for simulated ones.</param>
/// <param name="Approvals">Interactive prompt on a terminal; <see cref="UnattendedApprovalSource"/> for schedulers.</param>
/// <param name="Store">Where claims, journals and run documents live; null for the files of <see cref="StateDirectory"/>
/// (<see cref="FileRunStore"/>). A fleet passes its database store.</param>
public sealed record RunCoordinatorSettings(
    string StateDirectory,
    IStepHost Host,
    ExecutionClock Clock,
    TimeProvider WallClock,
    IApprovalSource Approvals,
    IRunEventSink Events,
    RunLockOptions? LockOptions = null,
    JournalDurability JournalDurability = JournalDurability.PowerLoss,
    IRunStore? Store = null)
{
    /// <summary>The store runs use: <see cref="Store"/>, or the state folder's files.</summary>
    public IRunStore RunStore => Store ?? new FileRunStore(StateDirectory, JournalDurability);
}
