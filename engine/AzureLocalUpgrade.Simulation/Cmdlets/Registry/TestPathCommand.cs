using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

/// <summary>Whether a registry key or a simulated file/folder exists on this node.</summary>
[Cmdlet(VerbsDiagnostic.Test, "Path")]
[OutputType("System.Boolean")]
public sealed class TestPathCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string[] Path { get; set; } = [];

    protected override void Execute()
    {
        var results = OnLocalNode((s, node) => Path.Select(p =>
            RegistryPaths.Normalize(p) is { } key ? RegistryOperations.KeyExists(node, key) : FileOperations.Exists(node, p)).ToList());
        WriteObject(results, enumerateCollection: true);
    }
}
