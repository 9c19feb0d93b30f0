using System.Globalization;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>
/// Reads a cluster inventory (docs/cluster-inventory.md) with the documented defaults, for `alu select` and its
/// tests. It checks only what selection needs (name, nodes with name and build); schema validation with
/// positions belongs to the front end's inventory loader, which should replace this reader once it lands.
/// </summary>
public static class InventoryFileReader
{
    /// <exception cref="InvalidDataException">The file is not a readable inventory; the message says why.</exception>
    public static ClusterInventory Read(string path)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new InvalidDataException($"{path}: not a YAML mapping.");
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        var name = Text(root, "name") ?? throw new InvalidDataException($"{path}: 'name' is required.");
        var nodes = (Node(root, "nodes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().Select(n => ReadNode(n, path)).ToList()
            ?? throw new InvalidDataException($"{path}: 'nodes' is required.");
        var connection = Node(root, "connection") as YamlMappingNode;
        var simulated = connection is null || Flag(connection, "simulated", true);
        var facts = ReadFacts(Node(root, "facts") as YamlMappingNode ?? new YamlMappingNode(), name, nodes);
        return new ClusterInventory(name, nodes, simulated ? ConnectionSpec.SimulatedDefault : new ConnectionSpec(false, Text(connection!, "transport") ?? "winrm", null, null),
            facts, path, SourceSpan.None);
    }

    private static NodeInventory ReadNode(YamlMappingNode node, string path)
    {
        var name = Text(node, "name") ?? throw new InvalidDataException($"{path}: every node needs a name.");
        var build = Text(node, "build") ?? throw new InvalidDataException($"{path}: node {name} needs a build.");
        if (!OsBuild.TryParse(build, out _))
        {
            throw new InvalidDataException($"{path}: node {name}: '{build}' is not an OS build (e.g. 20349.3692).");
        }

        var drivers = (Node(node, "nicDrivers") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Select(d => new NicDriver(Text(d, "vendor") ?? "", Text(d, "adapter") ?? "", Text(d, "version") ?? "")).ToList() ?? [];
        var vms = (Node(node, "virtualMachines") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList() ?? [];
        return new NodeInventory(name, build, Text(node, "address"), Text(node, "state") ?? "Up", Flag(node, "secureBoot", true),
            drivers, vms, NullableText(node, "site"), SourceSpan.None);
    }

    private static ClusterFacts ReadFacts(YamlMappingNode facts, string clusterName, IReadOnlyList<NodeInventory> nodes)
    {
        var aks = Node(facts, "aksArc") as YamlMappingNode ?? new YamlMappingNode();
        var storage = Node(facts, "storage") as YamlMappingNode ?? new YamlMappingNode();
        var volumes = (Node(storage, "volumes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Select(v => new VolumeFacts(Text(v, "name") ?? "", Text(v, "fileSystem") ?? "CSVFS_ReFS", long.Parse(Text(v, "sizeGb") ?? "1024", CultureInfo.InvariantCulture)))
            .ToList()
            ?? nodes.Select((_, i) => new VolumeFacts($"Volume{i + 1:00}", "CSVFS_ReFS", 1024)).ToList();
        return new ClusterFacts(
            Stretch: Flag(facts, "stretch", false),
            SolutionDeployed: Flag(facts, "solutionDeployed", false),
            Registered: Flag(facts, "registered", true),
            Identity: Node(facts, "identity") is null ? "SystemAssigned" : NullableText(facts, "identity"),
            CloudManagementGroup: Text(facts, "cloudManagementGroup") ?? "present",
            AksArc: new AksArcFacts(Flag(aks, "installed", false), Flag(aks, "preview", false)),
            CauRoleInstalled: Flag(facts, "cauRoleInstalled", true),
            KernelSoftReboot: Flag(facts, "kernelSoftReboot", false),
            CredSspEnabled: Flag(facts, "credSspEnabled", false),
            WindowsUpdateAccess: Flag(facts, "windowsUpdateAccess", true),
            OrchestratorOs: Text(facts, "orchestratorOs") ?? "Windows Server 2022",
            FunctionalLevel: int.Parse(Text(facts, "functionalLevel") ?? "11", CultureInfo.InvariantCulture),
            Storage: new StorageFacts(Text(storage, "poolName") ?? $"S2D on {clusterName}", volumes));
    }

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string key) => (Node(map, key) as YamlScalarNode)?.Value;

    private static string? NullableText(YamlMappingNode map, string key) =>
        Text(map, key) is { } text && text is not ("null" or "~" or "") ? text : null;

    private static bool Flag(YamlMappingNode map, string key, bool fallback) =>
        Text(map, key) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : fallback;
}
