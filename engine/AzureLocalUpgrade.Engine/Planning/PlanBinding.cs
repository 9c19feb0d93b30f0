namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>A value bound to a script parameter, as the plan prints it (<c>Params.setupMedia = D:\media</c>).</summary>
public sealed record PlanBinding(string Name, string Value);
