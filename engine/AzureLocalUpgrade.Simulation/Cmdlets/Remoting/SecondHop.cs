using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

/// <summary>
/// The second hop of PowerShell remoting ("Making the second hop in PowerShell Remoting",
/// learn.microsoft.com/powershell/scripting/security/remoting/ps-remoting-second-hop): a session opened on a node
/// with ordinary (Kerberos/Negotiate) authentication holds no credentials it could pass on, so from a node session
/// a command that reaches a third machine (-ComputerName, -CimSession, a remote Start-Cluster) is denied access.
/// CredSSP lifts that when the orchestrator delegates to the node (client role) and the node accepts delegated
/// credentials (server role). The orchestrator reaches every node directly, and a node reaches itself.
/// </summary>
internal static class SecondHop
{
    public static void Check(SimulationState state, string? sessionNode, string computerName, string command)
    {
        if (sessionNode is null || IsSelf(sessionNode, computerName))
        {
            return;
        }

        var node = state.FindNode(sessionNode);
        var delegated = node is { CredSspServer: true }
            && state.OrchestratorCredSspDelegates.Exists(d => new WildcardPattern(d, WildcardOptions.IgnoreCase).IsMatch(sessionNode));
        if (!delegated)
        {
            throw new SimulationException(
                "AccessDenied,SecondHop",
                ErrorCategory.PermissionDenied,
                $"{command}: connecting to '{computerName}' from the remote session on {sessionNode} failed: Access is denied. The session holds no credentials to pass on (the second hop); run the command in a session on '{computerName}' itself, or from the orchestrator.");
        }
    }

    public static bool IsSelf(string sessionNode, string computerName) =>
        computerName is "localhost" or "." || string.Equals(computerName.Split('.')[0], sessionNode, StringComparison.OrdinalIgnoreCase);
}
