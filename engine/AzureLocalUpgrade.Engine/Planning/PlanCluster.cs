namespace AzureLocalUpgrade.Engine.Planning;

/// <param name="InventoryPath">The inventory file relative to the saved plan (or the working directory).</param>
public sealed record PlanCluster(string Name, bool Simulated, string InventoryPath, IReadOnlyList<PlanNode> Nodes);
