using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Simulation.Cmdlets;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>Every simulator cmdlet (docs/cmdlet-surface.md), registered by its real name.</summary>
public static class SimulatorCommands
{
    private static readonly Lazy<IReadOnlyList<(string Name, Type Type)>> Commands = new(Discover);

    /// <summary>Every command the simulator adds.</summary>
    public static IReadOnlyList<string> Names => [.. Commands.Value.Select(c => c.Name)];

    /// <summary>
    /// Adds the simulator's cmdlets to <paramref name="state"/>, replacing any command of the same name: a simulated
    /// node's cmdlets act on the model, and its Start-Sleep and Get-Date on virtual time (Cmdlets/VirtualTime says why
    /// those two remain). Every other command of the base state stays the real one (Microsoft.PowerShell.Utility's
    /// included), except Management's that the simulator does not model (<see cref="RemoveMachineCommands"/>).
    /// </summary>
    public static void AddTo(InitialSessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        RemoveMachineCommands(state);
        foreach (var (name, type) in Commands.Value)
        {
            state.Commands.Remove(name, null);
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
        AddTo(state);
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

    private static IReadOnlyList<(string, Type)> Discover() =>
        [.. typeof(SimulatorCmdlet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SimulatorCmdlet)) && !t.IsAbstract)
            .Select(t => (Attribute: t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().Single(), Type: t))
            .Select(x => ($"{x.Attribute.VerbName}-{x.Attribute.NounName}", x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)];
}
