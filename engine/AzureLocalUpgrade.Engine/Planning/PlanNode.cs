namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>A cluster node as the plan lists it, in rolling (inventory) order.</summary>
public sealed record PlanNode(string Name, string Build, string Release, string? Site);
