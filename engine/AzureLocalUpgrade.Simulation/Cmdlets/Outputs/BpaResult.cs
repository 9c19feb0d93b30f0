namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Get-BpaResult output (docset/winserver2022-ps/BestPractices/Get-BpaResult.md, OUTPUTS:
/// Microsoft.BestPractices.CoreInterface.Result). Category appears in the Set-BpaResult examples; Severity (Error,
/// Warning, Information), Title, Problem and Resolution are the result's other fields scripts read.
/// </summary>
public sealed record BpaResult(string ModelId, string ComputerName, string Severity, string Category, string Title, string Problem, string Resolution);
