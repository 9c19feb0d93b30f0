namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>A node of the plan tree: a <see cref="PlanGroup"/> or a <see cref="PlanStep"/>.</summary>
public abstract record PlanItem(string Id, string DisplayName);
