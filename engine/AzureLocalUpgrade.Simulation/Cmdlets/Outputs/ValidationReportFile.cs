namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Test-Cluster output: the validation report it wrote, with the System.IO.FileInfo properties scripts read
/// (docset/winserver2022-ps/FailoverClusters/Test-Cluster.md, OUTPUTS: System.IO.FileInfo). The file lives in the
/// simulated node's file system, so Get-Content -LiteralPath $report.FullName reads it.
/// </summary>
public sealed record ValidationReportFile(string FullName, string Name, string DirectoryName, string Extension, long Length)
{
    public bool Exists => true;
}
