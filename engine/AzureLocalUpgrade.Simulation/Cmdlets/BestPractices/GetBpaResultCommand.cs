using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.BestPractices;

/// <summary>
/// The latest BPA results of a model on this computer (docset/winserver2022-ps/BestPractices/Get-BpaResult.md). It
/// does not start a scan: before Test-CauSetup has run here, the CAU model has no results and nothing is returned.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BpaResult")]
public sealed class GetBpaResultCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Id")]
    public string ModelId { get; set; } = "";

    [Parameter]
    [ValidateSet("All", "Compliant", "Noncompliant")]
    public string? Filter { get; set; }

    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void Execute()
    {
        var computer = Simulation.NodeName ?? Environment.MachineName;
        var results = QueryCluster(s => s.BpaResults
            .Where(r => string.Equals(r.Computer, computer, StringComparison.OrdinalIgnoreCase) && string.Equals(r.ModelId, ModelId, StringComparison.OrdinalIgnoreCase))
            .Where(r => Filter switch
            {
                "Compliant" => r.Severity == "Information",
                "Noncompliant" => r.Severity != "Information",
                _ => true,
            })
            .Select(r => new BpaResult(r.ModelId, r.Computer, r.Severity, r.Category, r.Title, r.Problem, r.Resolution))
            .ToList());
        WriteObject(results, enumerateCollection: true);
    }
}
