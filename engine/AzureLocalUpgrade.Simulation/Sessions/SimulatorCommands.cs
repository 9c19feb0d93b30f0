using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Simulation.Cmdlets;
using AzureLocalUpgrade.Simulation.Cmdlets.Azure;
using AzureLocalUpgrade.Simulation.Cmdlets.Utility;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>Every simulator cmdlet (docs/cmdlet-surface.md), registered by its real name.</summary>
public static class SimulatorCommands
{
    private static readonly Lazy<IReadOnlyList<(string Name, Type Type)>> Commands = new(Discover);

    /// <summary>Every command the simulator can add, utility fallbacks included.</summary>
    public static IReadOnlyList<string> Names => [.. Commands.Value.Select(c => c.Name)];

    /// <summary>The minimal Microsoft.PowerShell.Utility cmdlets (Cmdlets/Utility), added only where the base state lacks them.</summary>
    public static IReadOnlyList<string> UtilityFallbackNames => [.. Commands.Value.Where(c => IsFallback(c.Type)).Select(c => c.Name)];

    /// <summary>Commands that exist only on the nodes of a cluster running the Azure Local solution (Get-StampInformation).</summary>
    public static IReadOnlyList<string> SolutionOnlyNames => [.. Commands.Value.Where(c => IsSolutionOnly(c.Type)).Select(c => c.Name)];

    /// <summary>
    /// Adds the simulator's cmdlets to <paramref name="state"/>, replacing any command of the same name (a simulated
    /// node's cmdlets act on the model, and its Start-Sleep and Get-Date on virtual time). Utility fallbacks are added
    /// only when <paramref name="state"/> has no command of that name, so a real Select-Object stays. The solution's
    /// own commands are added only when <paramref name="solutionInstalled"/> (a node of a cluster where the solution
    /// is deployed); elsewhere they do not exist, as on a real node that runs the OS alone.
    /// </summary>
    public static void AddTo(InitialSessionState state, bool solutionInstalled = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (name, type) in Commands.Value)
        {
            if (IsSolutionOnly(type) && !solutionInstalled)
            {
                state.Commands.Remove(name, null);
                continue;
            }

            if (IsFallback(type))
            {
                if (state.Commands[name].Count > 0)
                {
                    continue;
                }
            }
            else
            {
                state.Commands.Remove(name, null);
            }

            state.Commands.Add(new SessionStateCmdletEntry(name, type, null));
        }
    }

    /// <summary>A clone of <paramref name="baseState"/> with the simulator cmdlets and the $AluSimulation context.</summary>
    public static InitialSessionState CreateSessionState(InitialSessionState baseState, SimulationContext context)
    {
        ArgumentNullException.ThrowIfNull(baseState);
        var state = baseState.Clone();
        AddTo(state, solutionInstalled: context.NodeName is not null && context.Cluster.Read(s => s.Azure.SolutionDeployed));
        state.Variables.Add(new SessionStateVariableEntry(
            SimulationContext.VariableName,
            context,
            "The simulated cluster and node this runspace belongs to.",
            ScopedItemOptions.ReadOnly));
        return state;
    }

    private static bool IsFallback(Type type) => type.IsDefined(typeof(UtilityFallbackAttribute), inherit: false);

    private static bool IsSolutionOnly(Type type) => type.IsDefined(typeof(SolutionOnlyAttribute), inherit: false);

    private static IReadOnlyList<(string, Type)> Discover() =>
        [.. typeof(SimulatorCmdlet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SimulatorCmdlet)) && !t.IsAbstract)
            .Select(t => (Attribute: t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().Single(), Type: t))
            .Select(x => ($"{x.Attribute.VerbName}-{x.Attribute.NounName}", x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)];
}
