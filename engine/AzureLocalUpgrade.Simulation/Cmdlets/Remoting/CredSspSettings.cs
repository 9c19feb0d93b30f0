namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

/// <summary>
/// CredSSP state: the server side lives on each node; the client side (delegation) on the machine that runs the
/// command, which for the orchestrator is kept cluster-wide.
/// </summary>
internal static class CredSspSettings
{
    public static void Apply(SimulatorCmdlet cmdlet, string role, string[]? delegates, bool enable)
    {
        var server = string.Equals(role, "Server", StringComparison.OrdinalIgnoreCase);
        cmdlet.OnCluster(s =>
        {
            var node = cmdlet.Simulation.NodeName is { } name ? s.FindNode(name) : null;
            if (server)
            {
                var target = node ?? throw new Behaviour.SimulationException(
                    "CredSspServerOnOrchestrator",
                    System.Management.Automation.ErrorCategory.InvalidOperation,
                    "Enable-WSManCredSSP -Role Server configures a cluster node; run it in a node session.");
                target.CredSspServer = enable;
                return;
            }

            s.OrchestratorCredSspDelegates.Clear();
            if (enable)
            {
                s.OrchestratorCredSspDelegates.AddRange(delegates ?? ["*"]);
            }
        });
    }
}
