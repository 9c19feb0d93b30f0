using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

/// <summary>The two lines Get-WSManCredSSP prints: client delegation, then whether this machine receives credentials.</summary>
[Cmdlet(VerbsCommon.Get, "WSManCredSSP")]
[OutputType("System.String")]
public sealed class GetWsManCredSspCommand : SimulatorCmdlet
{
    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        var client = s.OrchestratorCredSspDelegates.Count == 0
            ? "The machine is not configured to allow delegating fresh credentials."
            : $"The machine is configured to allow delegating fresh credentials to the following target(s): {string.Join(", ", s.OrchestratorCredSspDelegates.Select(d => "wsman/" + d))}";
        var node = Simulation.NodeName is { } name ? s.FindNode(name) : null;
        var server = node is { CredSspServer: true }
            ? "This computer is configured to receive credentials from a remote client computer."
            : "This computer is not configured to receive credentials from a remote client computer.";
        return client + Environment.NewLine + server;
    }));
}
