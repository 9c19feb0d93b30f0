using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// Real clusters: node and cluster targets are PowerShell remoting sessions (WinRM or SSH, per the inventory) to
/// the node's address; orchestrator targets are local runspaces. A node that refuses or drops the connection
/// (rebooting, network down) is reported unreachable, and the host retries with backoff.
/// </summary>
public sealed class RemoteTargetConnector : ITargetConnector
{
    private readonly ClusterInventory _inventory;
    private readonly CredentialResolver _credentials;
    private readonly ITargetConnector _orchestrator;

    public RemoteTargetConnector(ClusterInventory inventory, CredentialResolver credentials, ITargetConnector? orchestrator = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(credentials);
        _inventory = inventory;
        _credentials = credentials;
        _orchestrator = orchestrator ?? new LocalTargetConnector();
    }

    /// <summary>The connection a target's session would use (no network traffic): what <see cref="Open"/> connects to.</summary>
    public RunspaceConnectionInfo ConnectionFor(StepTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = (target.Node is null ? null : _inventory.FindNode(target.Node)) ?? throw new ArgumentException(
            $"Cluster {_inventory.Name} has no node named {target.Node} (nodes: {string.Join(", ", _inventory.Nodes.Select(n => n.Name))}).",
            nameof(target));
        return RemoteConnections.Create(_inventory.Connection, node.Address ?? node.Name, _credentials);
    }

    public Runspace Open(StepTarget target, InitialSessionState baseState)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Kind == TargetKind.Orchestrator)
        {
            return _orchestrator.Open(target, baseState);
        }

        var connection = ConnectionFor(target);
        var runspace = RunspaceFactory.CreateRunspace(connection);
        try
        {
            runspace.Open();
            using var prelude = System.Management.Automation.PowerShell.Create(runspace);
            prelude.AddScript(RemotePrelude.Script).Invoke();
            return runspace;
        }
        catch (PSRemotingTransportException ex)
        {
            runspace.Dispose();
            throw new TargetUnreachableException($"Cannot reach {target} at {connection.ComputerName}: {ex.Message}", ex);
        }
        catch
        {
            runspace.Dispose();
            throw;
        }
    }

    public bool IsAlive(StepTarget target, Runspace runspace)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(runspace);
        return target.Kind == TargetKind.Orchestrator
            ? _orchestrator.IsAlive(target, runspace)
            : runspace.RunspaceStateInfo.State == RunspaceState.Opened;
    }
}
