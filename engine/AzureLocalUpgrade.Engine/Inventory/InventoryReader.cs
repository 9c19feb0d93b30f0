using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>Maps a schema-checked inventory document to <see cref="ClusterInventory"/>, applying the documented defaults.</summary>
internal static class InventoryReader
{
    // Keys that would hold a secret in clear text; the inventory only ever holds references.
    private static readonly string[] SecretKeys = ["password", "passwordText", "secret", "token"];

    public static ClusterInventory Read(YamlSource source, YamlMap document, DiagnosticBag bag)
    {
        var name = document.String("name") ?? "";
        // The cluster name becomes part of state paths (locks/, clusters/) and run ids: only a Windows name passes.
        if (document.Scalar("name") is { Value: { Length: > 0 } } nameNode && WindowsNames.ClusterNameProblem(name) is { } problem)
        {
            bag.Add(InputDiagnostics.InvalidClusterName(YamlSpans.Of(source.FilePath, nameNode), name, problem));
        }

        var nodes = ReadNodes(source, document.List("nodes"), bag);
        return new ClusterInventory(
            name,
            nodes,
            ReadConnection(source, document.Map("connection"), bag),
            ReadFacts(document.Map("facts"), name, nodes.Count),
            source.FilePath,
            YamlSpans.Of(source.FilePath, document.Node));
    }

    private static ConnectionSpec ReadConnection(YamlSource source, YamlMap? connection, DiagnosticBag bag)
    {
        if (connection is null)
        {
            return ConnectionSpec.SimulatedDefault;
        }

        var credentialMap = connection.Map("credential");
        foreach (var holder in new[] { connection, credentialMap }.OfType<YamlMap>())
        {
            foreach (var key in SecretKeys.Select(holder.KeyNode).OfType<YamlScalarNode>())
            {
                bag.Add(DiagnosticCatalog.InlineCredential(YamlSpans.Of(source.FilePath, key), key.Value ?? ""));
            }
        }

        var simulated = connection.Bool("simulated") ?? true;
        var credential = credentialMap is null
            ? null
            : new CredentialReference(credentialMap.String("userName") ?? "", credentialMap.String("passwordEnv"), credentialMap.String("passwordFile"), credentialMap.String("credentialStore"), credentialMap.String("keyFile"));
        if (!simulated && credential is null)
        {
            bag.Add(DiagnosticCatalog.CredentialMissing(YamlSpans.Of(source.FilePath, connection.KeyNode("simulated")!)));
        }

        return new ConnectionSpec(simulated, connection.String("transport") ?? "winrm", (int?)connection.Integer("port"), credential);
    }

    private static List<NodeInventory> ReadNodes(YamlSource source, IReadOnlyList<YamlNode> items, DiagnosticBag bag)
    {
        var nodes = new List<NodeInventory>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in items.Select(YamlMap.From).OfType<YamlMap>())
        {
            if (map.Scalar("name") is not { Value: { Length: > 0 } name } nameNode || map.Scalar("build") is not { } buildNode)
            {
                continue; // The schema reported the missing field.
            }

            if (WindowsNames.NodeNameProblem(name) is { } problem)
            {
                bag.Add(InputDiagnostics.InvalidNodeName(YamlSpans.Of(source.FilePath, nameNode), name, problem));
            }
            else if (!seen.Add(name))
            {
                bag.Add(DiagnosticCatalog.DuplicateNodeName(YamlSpans.Of(source.FilePath, nameNode), name));
            }

            // The raw text keeps 20349.3690 exact; read as a YAML float it would lose the trailing zero.
            var build = buildNode.Value ?? "";
            if (!IsBuild(build))
            {
                bag.Add(DiagnosticCatalog.InvalidBuild(YamlSpans.Of(source.FilePath, buildNode), build));
            }

            nodes.Add(new NodeInventory(
                name,
                build,
                map.String("address"),
                map.String("state") ?? "Up",
                map.Bool("secureBoot") ?? true,
                map.List("nicDrivers").Select(YamlMap.From).OfType<YamlMap>()
                    .Select(d => new NicDriver(d.String("vendor") ?? "", d.String("adapter") ?? "", d.String("version") ?? "")).ToList(),
                map.List("virtualMachines").OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList(),
                NullIfEmpty(map.String("site")),
                YamlSpans.Of(source.FilePath, map.Node)));
        }

        return nodes;
    }

    // major.revision (20349.3692) or the four-part form Windows prints (10.0.20349.3692).
    private static bool IsBuild(string text)
    {
        var parts = text.Split('.');
        return parts.Length is 2 or 4 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && OsBuild.TryParse(text, out _);
    }

    private static ClusterFacts ReadFacts(YamlMap? facts, string clusterName, int nodeCount)
    {
        var aksArc = facts?.Map("aksArc");
        var storage = facts?.Map("storage");
        var volumes = storage?.Has("volumes") == true
            ? storage.List("volumes").Select(YamlMap.From).OfType<YamlMap>()
                .Select(v => new VolumeFacts(v.String("name") ?? "", v.String("fileSystem") ?? "CSVFS_ReFS", v.Integer("sizeGb") ?? 1024)).ToList()
            : Enumerable.Range(1, nodeCount).Select(i => new VolumeFacts($"Volume{i:00}", "CSVFS_ReFS", 1024)).ToList();
        return new ClusterFacts(
            Stretch: facts?.Bool("stretch") ?? false,
            SolutionDeployed: facts?.Bool("solutionDeployed") ?? false,
            Registered: facts?.Bool("registered") ?? true,
            Identity: facts?.Has("identity") == true ? NullIfEmpty(facts.String("identity")) : "SystemAssigned",
            CloudManagementGroup: facts?.String("cloudManagementGroup") ?? "present",
            AksArc: new AksArcFacts(aksArc?.Bool("installed") ?? false, aksArc?.Bool("preview") ?? false),
            CauRoleInstalled: facts?.Bool("cauRoleInstalled") ?? true,
            KernelSoftReboot: facts?.Bool("kernelSoftReboot") ?? false,
            CredSspEnabled: facts?.Bool("credSspEnabled") ?? false,
            WindowsUpdateAccess: facts?.Bool("windowsUpdateAccess") ?? true,
            OrchestratorOs: facts?.Has("orchestratorOs") == true ? NullIfEmpty(facts.String("orchestratorOs")) : "Windows Server 2022",
            FunctionalLevel: (int?)facts?.Integer("functionalLevel") ?? 11,
            Storage: new StorageFacts(storage?.String("poolName") ?? $"S2D on {clusterName}", volumes));
    }

    private static string? NullIfEmpty(string? text) => text is null or "" or "null" or "~" ? null : text;
}
