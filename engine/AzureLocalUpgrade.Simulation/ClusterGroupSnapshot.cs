using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation;

/// <summary>One cluster role (group) as Get-ClusterGroup would report it; VM roles are the VMs.</summary>
public sealed record ClusterGroupSnapshot(string Name, bool IsVirtualMachine, ClusterGroupStatus State, string? OwnerNode);
