using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>The Azure sign-in of the machine a session runs on (Az.Accounts: Connect-AzAccount, Get-AzContext).</summary>
internal static class AzureSignIn
{
    public static string Machine(SimulationContext context) => context.NodeName ?? AzureState.OrchestratorMachine;

    public static bool IsSignedIn(SimulationState s, SimulationContext context) =>
        s.Azure.SignedInOn.Contains(Machine(context), StringComparer.OrdinalIgnoreCase);

    /// <summary>Az cmdlets that call Azure fail as the real ones do when nobody signed in on this machine.</summary>
    public static void Require(SimulationState s, SimulationContext context, string command)
    {
        if (!IsSignedIn(s, context))
        {
            throw new SimulationException(
                "AzureSessionNotFound",
                ErrorCategory.AuthenticationError,
                $"{command}: no Azure account is signed in on {(context.NodeName ?? "the orchestrator")}. Run Connect-AzAccount to login.");
        }
    }
}
