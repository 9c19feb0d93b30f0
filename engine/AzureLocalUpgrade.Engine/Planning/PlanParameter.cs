namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>A runbook parameter value. <see cref="Value"/> is typed (string, long, bool, duration text) or *** for secrets.</summary>
public sealed record PlanParameter(string Name, object? Value, bool IsSecret);
