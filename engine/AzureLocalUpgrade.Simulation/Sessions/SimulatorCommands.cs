using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Simulation.Cmdlets;
using AzureLocalUpgrade.Simulation.Cmdlets.Azure;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>Every simulator cmdlet (docs/cmdlet-surface.md), registered by its real name.</summary>
public static class SimulatorCommands
{
    private static readonly Lazy<IReadOnlyList<(string Name, Type Type)>> Commands = new(Discover);

    /// <summary>Every command the simulator adds.</summary>
    public static IReadOnlyList<string> Names => [.. Commands.Value.Select(c => c.Name)];

    /// <summary>Commands that exist only on the nodes of a cluster running the Azure Local solution (Get-StampInformation).</summary>
    public static IReadOnlyList<string> SolutionOnlyNames => [.. Commands.Value.Where(c => IsSolutionOnly(c.Type)).Select(c => c.Name)];

    /// <summary>
    /// Adds the simulator's cmdlets to <paramref name="state"/>, replacing any command of the same name: a simulated
    /// node's cmdlets act on the model, and its Start-Sleep and Get-Date on virtual time (Cmdlets/VirtualTime says why
    /// those two remain). Every other command of the base state stays the real one (Microsoft.PowerShell.Utility's
    /// included), except Management's that the simulator does not model (<see cref="RemoveMachineCommands"/>). The
    /// solution's own commands are added only when <paramref name="solutionInstalled"/> (a node of a cluster where the
    /// solution is deployed); elsewhere they do not exist, as on a real node that runs the OS alone.
    /// </summary>
    public static void AddTo(InitialSessionState state, bool solutionInstalled = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        RemoveMachineCommands(state);
        foreach (var (name, type) in Commands.Value)
        {
            state.Commands.Remove(name, null);
            if (IsSolutionOnly(type) && !solutionInstalled)
            {
                continue;
            }

            state.Commands.Add(new SessionStateCmdletEntry(name, type, null));
        }
    }

    /// <summary>
    /// Microsoft.PowerShell.Management's cmdlets act on the machine they run on (items, processes, services, the
    /// computer itself). In a simulated session that machine is the one running alu, not the simulated node, so the
    /// ones the simulator does not model are left out: a script calling one fails with CommandNotFound instead of
    /// changing (or shutting down) the host. The ones it models (Get-ItemProperty, Restart-Computer, ...) are added back
    /// by <see cref="AddTo"/> as simulator cmdlets.
    /// </summary>
    private static void RemoveMachineCommands(InitialSessionState state)
    {
        var management = typeof(Microsoft.PowerShell.Commands.GetChildItemCommand).Assembly;
        var names = state.Commands.OfType<SessionStateCmdletEntry>()
            .Where(c => c.ImplementingType?.Assembly == management)
            .Select(c => c.Name)
            .ToList();
        foreach (var name in names)
        {
            state.Commands.Remove(name, null);
        }
    }

    /// <summary>A clone of <paramref name="baseState"/> with the simulator cmdlets and the $AluSimulation context.</summary>
    public static InitialSessionState CreateSessionState(InitialSessionState baseState, SimulationContext context)
    {
        ArgumentNullException.ThrowIfNull(baseState);
        var state = baseState.Clone();
        AddTo(state, solutionInstalled: context.NodeName is not null && context.Cluster.Read(s => s.Azure.SolutionDeployed));
        SharedTypeAndFormatTables.Apply(state);
        RemoveHostFileSystem(state);
        // Without this, calling a Management command left out above would import the module from $PSHOME and bring
        // the real one back.
        state.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", PSModuleAutoLoadingPreference.None, null));
        state.Variables.Add(new SessionStateVariableEntry(
            SimulationContext.VariableName,
            context,
            "The simulated cluster and node this runspace belongs to.",
            ScopedItemOptions.ReadOnly));
        return state;
    }

    /// <summary>
    /// The FileSystem provider shows the disks of the machine running alu, not the simulated node's (whose files the
    /// simulator cmdlets model: Test-Path, Get-Content, New-Item, Copy-Item), so a simulated session goes without it,
    /// as it goes without Management's machine cmdlets. It is also the dearest part of opening a runspace: it reads the
    /// host's mount table for every mount (DriveInfo) and resolves the process's working directory, path segment by
    /// path segment, to set the session's location. Without it the session's location is on one of its other drives
    /// (Alias:, Env:, Function:, Variable:) and a Utility cmdlet that writes a host file (Out-File) fails instead of
    /// writing to the host.
    /// </summary>
    private static void RemoveHostFileSystem(InitialSessionState state) => state.Providers.Remove("FileSystem", null);

    private static bool IsSolutionOnly(Type type) => type.IsDefined(typeof(SolutionOnlyAttribute), inherit: false);

    private static IReadOnlyList<(string, Type)> Discover() =>
        [.. typeof(SimulatorCmdlet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SimulatorCmdlet)) && !t.IsAbstract)
            .Select(t => (Attribute: t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().Single(), Type: t))
            .Select(x => ($"{x.Attribute.VerbName}-{x.Attribute.NounName}", x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)];
}
