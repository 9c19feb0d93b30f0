using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

/// <summary>Creates a registry key (HKLM:\...) or a folder on this node. An existing key or folder is an error unless -Force.</summary>
[Cmdlet(VerbsCommon.New, "Item", DefaultParameterSetName = "pathSet")]
[OutputType("System.IO.DirectoryInfo")]
public sealed class NewItemCommand : SimulatorCmdlet
{
    // The reference's two sets: the item's full path (pathSet), or a parent path and -Name (nameSet).
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "pathSet")]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "nameSet")]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = "nameSet")]
    public string? Name { get; set; }

    [Parameter]
    [Alias("Type")]
    public string? ItemType { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => WriteObject(OnLocalNode((s, node) =>
    {
        var full = Name is null ? Path : Path.TrimEnd('\\', '/') + "\\" + Name;
        if (RegistryPaths.Normalize(full) is { } key)
        {
            RegistryOperations.CreateKey(node, key, Force);
            return key;
        }

        if (ItemType is not null && !string.Equals(ItemType, "Directory", StringComparison.OrdinalIgnoreCase))
        {
            throw new SimulationException(
                "UnsupportedItemType",
                ErrorCategory.InvalidArgument,
                $"The simulator creates folders (-ItemType Directory) and registry keys; '{ItemType}' items are not simulated.");
        }

        FileOperations.CreateDirectory(node, full, Force);
        return FilePaths.Normalize(full);
    }));
}
