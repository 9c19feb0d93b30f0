namespace AzureLocalUpgrade.Engine.Model;

/// <summary>Where a script runs (<c>on:</c>).</summary>
public enum TargetKind
{
    /// <summary>The machine running alu (a local runspace). CAU runs are started from here.</summary>
    Orchestrator,

    /// <summary>The node of the enclosing <c>forEach: node</c> group.</summary>
    Node,

    /// <summary>One cluster node chosen at compile time (the first in the inventory), for cluster-wide cmdlets.</summary>
    Cluster,
}
