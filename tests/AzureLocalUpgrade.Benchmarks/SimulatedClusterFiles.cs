using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// Writes N-node simulated cluster inventories, grown from samples/clusters/four-node-22h2.yaml: the cluster facts
/// are the template's, and node i copies template node ((i-1) mod 4)+1 (so NIC vendors keep alternating) under its
/// own name and VM names. Files go to a temporary folder the caller deletes.
/// </summary>
internal sealed class SimulatedClusterFiles : IDisposable
{
    private const string TemplateFile = "four-node-22h2.yaml";
    private const string TemplateCluster = "hci04";
    private const string NodesKey = "nodes:";
    private const string NodeStart = "  - name: ";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "alu-bench-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes an inventory of <paramref name="nodeCount"/> nodes and returns its path.</summary>
    public string Write(int nodeCount)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{nodeCount}-node.yaml");
        File.WriteAllText(path, Generate(nodeCount));
        return path;
    }

    public static string Generate(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        var template = File.ReadAllText(RepositoryPaths.SampleCluster(TemplateFile)).ReplaceLineEndings("\n");
        var nodesAt = template.IndexOf("\n" + NodesKey + "\n", StringComparison.Ordinal);
        if (nodesAt < 0)
        {
            throw new InvalidOperationException($"{TemplateFile} has no top-level '{NodesKey}' list");
        }

        var cluster = "hci" + nodeCount.ToString("00", CultureInfo.InvariantCulture);
        var header = template[..(nodesAt + 1)].Replace(TemplateCluster, cluster, StringComparison.Ordinal);
        var templateNodes = SplitNodes(template[(nodesAt + NodesKey.Length + 2)..]);

        var text = new StringBuilder(header).Append(NodesKey).Append('\n');
        for (var i = 1; i <= nodeCount; i++)
        {
            var source = (i - 1) % templateNodes.Count + 1;
            text.Append(templateNodes[source - 1]
                .Replace($"{TemplateCluster}-n{source}", $"{cluster}-n{i}", StringComparison.Ordinal)
                .Replace($"vm-{TemplateCluster}-{source:00}", $"vm-{cluster}-{i:00}", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static List<string> SplitNodes(string nodesSection)
    {
        var nodes = new List<string>();
        var current = new StringBuilder();
        foreach (var line in nodesSection.Split('\n'))
        {
            if (line.StartsWith(NodeStart, StringComparison.Ordinal) && current.Length > 0)
            {
                nodes.Add(current.ToString());
                current.Clear();
            }

            if (line.Length > 0 && !line.StartsWith('#'))
            {
                current.Append(line).Append('\n');
            }
        }

        if (current.Length > 0)
        {
            nodes.Add(current.ToString());
        }

        return nodes;
    }
}
