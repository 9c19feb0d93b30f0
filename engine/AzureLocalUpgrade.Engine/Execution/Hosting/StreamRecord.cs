namespace AzureLocalUpgrade.Engine.Execution.Hosting;

/// <param name="Stream">error | warning | verbose | information | debug.</param>
public sealed record StreamRecord(string Stream, string Message);
