namespace AzureLocalUpgrade.Engine.Planning;

/// <param name="Path">The runbook file relative to the saved plan (or the working directory), '/' separators.</param>
public sealed record PlanRunbook(string Name, string Version, string? Method, string? UpgradeFrom, string? UpgradeTo, string Path);
