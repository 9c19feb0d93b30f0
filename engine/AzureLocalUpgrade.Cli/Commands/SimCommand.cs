using System.CommandLine;
using System.Globalization;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Status;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu sim reset|status|advance --cluster FILE</c>: the simulated cluster kept in the state folder. It persists
/// across runs (a 23H2 → 24H2 run continues where a 22H2 → 23H2 run left it); reset starts it afresh from the
/// inventory; advance moves its virtual clock forward (to reach the next maintenance window in a walk-through).
/// </summary>
public sealed class SimCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var sim = new Command("sim", "Manage the simulated cluster a simulated inventory runs against.");
        sim.Subcommands.Add(Reset(console));
        sim.Subcommands.Add(Status(console));
        sim.Subcommands.Add(Advance(console));
        return sim;
    }

    private static Command Reset(CliConsole console)
    {
        var (cluster, stateDir) = (ClusterOption(), StateDirOption());
        var scenario = new Option<string?>("--scenario") { Description = "Start with this fault scenario (samples/scenarios/)." };
        var command = new Command("reset", "Start the simulated cluster afresh from its inventory.") { cluster, stateDir, scenario };
        command.SetAction(parse => new SimCommand(console).DoReset(parse.GetValue(cluster)!, parse.GetValue(stateDir), parse.GetValue(scenario)));
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var (cluster, stateDir) = (ClusterOption(), StateDirOption());
        var command = new Command("status", "Show each simulated node's build, state and counters.") { cluster, stateDir };
        command.SetAction(parse => new SimCommand(console).DoStatus(parse.GetValue(cluster)!, parse.GetValue(stateDir)));
        return command;
    }

    private static Command Advance(CliConsole console)
    {
        var (cluster, stateDir) = (ClusterOption(), StateDirOption());
        var to = new Option<DateTimeOffset?>("--to") { Description = "The virtual instant to move to, e.g. 2026-11-28T22:00:00Z (never backwards)." };
        var command = new Command("advance", "Move the simulated cluster's virtual clock forward.") { cluster, stateDir, to };
        command.SetAction(parse => new SimCommand(console).DoAdvance(parse.GetValue(cluster)!, parse.GetValue(stateDir), parse.GetValue(to)));
        return command;
    }

    private int DoReset(string clusterFile, string? stateDir, string? scenarioFile)
    {
        var bag = new DiagnosticBag();
        var inventory = Inventory(clusterFile, bag);
        var scenario = RunPreparation.Scenario(scenarioFile, console, bag);
        if (inventory is null || bag.HasErrors)
        {
            return Invalid(bag);
        }

        var stateDirectory = StateDirectoryLocator.Resolve(stateDir, console.WorkingDirectory);
        using var claim = Claim(stateDirectory, inventory.Name, "reset", allowPaused: false, out var refused);
        if (refused || claim is null)
        {
            return RunExitCodes.LockHeld;
        }

        SimulatedCluster cluster;
        try
        {
            cluster = SimulatedCluster.Reset(inventory, stateDirectory, scenario);
        }
        finally
        {
            claim.Release();
        }

        console.Out.WriteLine($"Simulated cluster {cluster.Name} reset from {console.DisplayPath(clusterFile)}{(scenario is null ? "" : $" with scenario {scenario.Name}")}.");
        return ExitCodes.Success;
    }

    private int DoStatus(string clusterFile, string? stateDir)
    {
        var bag = new DiagnosticBag();
        if (Inventory(clusterFile, bag) is not { } inventory)
        {
            return Invalid(bag);
        }

        var snapshot = SimulatedCluster.ReadSnapshot(StateDirectoryLocator.Resolve(stateDir, console.WorkingDirectory), inventory.Name);
        if (snapshot is null)
        {
            console.Out.WriteLine($"Simulated cluster {inventory.Name} has not been used yet; the first run creates it from the inventory.");
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"Simulated cluster {snapshot.ClusterName} at {snapshot.Now.ToString("u", CultureInfo.InvariantCulture)} (most nodes down at once: {snapshot.MaxNodesDownAtOnce})");
        console.Out.Write(StatusText.Table(["NODE", "BUILD", "STATE", "DRAINS", "REBOOTS", "FEATURE UPDATES"],
            snapshot.Nodes.Select(n => new[] { n.Name, n.Build.ToString(), n.State.ToString(), n.Drains.ToString(CultureInfo.InvariantCulture), n.Reboots.ToString(CultureInfo.InvariantCulture), n.FeatureUpdatesApplied.ToString(CultureInfo.InvariantCulture) }), console.OutIsTerminal));
        return ExitCodes.Success;
    }

    private int DoAdvance(string clusterFile, string? stateDir, DateTimeOffset? to)
    {
        var bag = new DiagnosticBag();
        if (Inventory(clusterFile, bag) is not { } inventory || to is not { } instant)
        {
            if (to is null)
            {
                console.Error.WriteLine("alu: error: give --to INSTANT.");
            }

            return Invalid(bag);
        }

        var stateDirectory = StateDirectoryLocator.Resolve(stateDir, console.WorkingDirectory);
        // A run paused for its next maintenance window keeps the lock, and moving the clock to that window is what
        // advance is for; only a run that is going refuses it.
        using var claim = Claim(stateDirectory, inventory.Name, "advance", allowPaused: true, out var refused);
        if (refused)
        {
            return RunExitCodes.LockHeld;
        }

        SimulatedCluster cluster;
        try
        {
            cluster = SimulatedCluster.OpenOrCreate(inventory, stateDirectory, scenario: null);
            if (instant > cluster.Now)
            {
                cluster.AdvanceTime(instant - cluster.Now);
            }
        }
        finally
        {
            claim?.Release();
        }

        console.Out.WriteLine($"Simulated cluster {cluster.Name} is at {cluster.Now.ToString("u", CultureInfo.InvariantCulture)}.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Takes the cluster's run lock for the change, as a run does, so the simulated cluster is never reset under a run
    /// that is going or paused, nor moved in time under a run that is going (exit 4, naming it). With
    /// <paramref name="allowPaused"/>, a paused run's claim lets the change through unlocked (null, not refused).
    /// </summary>
    private RunLock? Claim(string stateDirectory, string cluster, string what, bool allowPaused, out bool refused)
    {
        refused = false;
        try
        {
            return RunLock.Acquire(stateDirectory, cluster, $"alu-sim-{what}-{Environment.ProcessId}", TimeProvider.System);
        }
        catch (LockHeldException held) when (allowPaused && held.Holder?.Status == LockHolder.Paused)
        {
            return null;
        }
        catch (LockHeldException held)
        {
            refused = true;
            console.Error.WriteLine($"alu: error: cluster {cluster} is in use: {held.Message}");
            console.Error.WriteLine($"  hint: let that run finish, or resume and finish it (alu resume {held.Holder?.RunId ?? "RUN"}); then run alu sim {what} again.");
            return null;
        }
    }

    private ClusterInventory? Inventory(string clusterFile, DiagnosticBag bag)
    {
        var inventory = InventoryLoader.Load(console.FullPath(clusterFile), bag);
        if (inventory is { Connection.Simulated: false })
        {
            console.Error.WriteLine($"alu: error: {clusterFile} is a real cluster (simulated: false); alu sim only manages simulated ones.");
            return null;
        }

        return inventory;
    }

    private int Invalid(DiagnosticBag bag)
    {
        new DiagnosticRenderer(console).Render(bag.Items, OutputFormat.Text);
        return ExitCodes.InvalidInput;
    }

    private static Option<string> ClusterOption() => new("--cluster", "-c") { Description = "The simulated cluster's inventory file.", Required = true };

    private static Option<string?> StateDirOption() => new("--state-dir", "-s") { Description = "The state folder (as given to alu run)." };
}
