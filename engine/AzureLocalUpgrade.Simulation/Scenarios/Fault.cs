using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Simulation.Scenarios;

/// <summary>One fault of a scenario file.</summary>
/// <param name="Node">A node name, or "#N" for the N-th node of the inventory (1-based), so a scenario fits any inventory; null = all nodes.</param>
/// <param name="Title">differentFeatureUpdate: the update title offered instead; validationFails: the validation test that fails.</param>
/// <param name="Preview">aksArcPresent: a preview install that left MOC VMs.</param>
/// <param name="VmsPerNode">limitedVmCapacity: VM roles one node can host.</param>
public sealed record Fault(FaultKind Kind, string? Node, string? Title, bool Preview, int? VmsPerNode, SourceSpan Span);
