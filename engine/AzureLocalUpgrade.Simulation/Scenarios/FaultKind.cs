namespace AzureLocalUpgrade.Simulation.Scenarios;

/// <summary>What a fault scenario makes go wrong (or differ) in the simulated cluster. YAML names are camelCase.</summary>
public enum FaultKind
{
    /// <summary>The named node never comes back after its next restart.</summary>
    NodeNeverReturns,

    /// <summary>The next storage repair job (after the named node returns, or any) never completes.</summary>
    StuckStorageJob,

    /// <summary>At a node's next restart RefsEnableMetadataValidation is reset to 1 and ReFS volumes stay offline until the key is toggled 1 then 0.</summary>
    RefsKeyOverridden,

    /// <summary>Every CAU feature-update attempt on the named node fails.</summary>
    CauFailsOnNode,

    /// <summary>Invoke-CauScan (and a WU scan) offers the named node a different feature update title.</summary>
    DifferentFeatureUpdate,

    /// <summary>Start state: the Azure Local solution is deployed (Get-StampInformation answers).</summary>
    SolutionDeployed,

    /// <summary>Start state: AKS Arc is installed (optionally a preview install with MOC VMs).</summary>
    AksArcPresent,

    /// <summary>Start state: a stretch cluster with two sites.</summary>
    StretchCluster,

    /// <summary>Each node hosts at most VmsPerNode VM roles, so a drain can run out of room.</summary>
    LimitedVmCapacity,

    /// <summary>Cluster validation (Test-Cluster) reports the test named by title (default Validate Network Communication) as Failed.</summary>
    ValidationFails,

    /// <summary>Start state: the cluster has no witness (no Cloud Witness resource in the Cluster Group), so Get-ClusterQuorum names no quorum resource.</summary>
    NoWitness,

    /// <summary>
    /// Start state: Network ATC manages the hosts with one intent (management, compute and storage). A node whose OS was
    /// upgraded then reports that intent Failed with PhysicalAdapterNotFound, the known issue of upgrade-to-24h2-powershell.md.
    /// </summary>
    NetworkAtcAdapterNotFound,
}
