using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Simulation.Cmdlets;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>Every simulator cmdlet (docs/cmdlet-surface.md), registered by its real name.</summary>
public static class SimulatorCommands
{
    private static readonly Lazy<IReadOnlyList<(string Name, Type Type)>> Commands = new(Discover);

    public static IReadOnlyList<string> Names => [.. Commands.Value.Select(c => c.Name)];

    /// <summary>Adds the simulator's cmdlets to <paramref name="state"/>, replacing any command of the same name.</summary>
    public static void AddTo(InitialSessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (name, type) in Commands.Value)
        {
            state.Commands.Remove(name, null);
            state.Commands.Add(new SessionStateCmdletEntry(name, type, null));
        }
    }

    /// <summary>A clone of <paramref name="baseState"/> with the simulator cmdlets and the $AluSimulation context.</summary>
    public static InitialSessionState CreateSessionState(InitialSessionState baseState, SimulationContext context)
    {
        ArgumentNullException.ThrowIfNull(baseState);
        var state = baseState.Clone();
        AddTo(state);
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
