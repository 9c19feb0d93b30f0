using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// The values a step's scripts will receive, found by reading which of <c>$Node</c>, <c>$Nodes</c>,
/// <c>$ClusterName</c>, <c>$Params.x</c> and <c>$Inputs.x</c> they mention. Only those are listed, so a reviewer
/// sees exactly the values the step depends on.
/// </summary>
/// <remarks>
/// One instance per plan. Every node's copy of a step shares its script text, so what a script mentions is read
/// once per text (scripts run to kilobytes; a 64-node plan has thousands of steps) and only the values are per step.
/// </remarks>
internal sealed partial class ScriptBindings(StepGraph graph)
{
    private readonly Dictionary<(EmbeddedText?, EmbeddedText?, EmbeddedText?), Mentions> _mentions = new(SameTexts.Instance);
    // The bound values of one set of texts against one values table are the same for every step sharing both (every
    // node's copy of a step shares its texts, and the params table is the graph's): formatted once, keyed by reference.
    private readonly Dictionary<(Mentions, IReadOnlyDictionary<string, object?>), PlanBinding[]> _keyBindings = new(SameKeyTables.Instance);
    private readonly Dictionary<string, PlanBinding> _nodeBindings = new(StringComparer.Ordinal);
    private PlanBinding? _nodes;
    private PlanBinding? _clusterName;

    public IReadOnlyList<PlanBinding> For(GraphStep step)
    {
        var mentions = MentionsOf(step.Script, step.SkipIf, step.Rehearsal);
        var node = step.Target.Node is { } name ? NodeBinding(name) : null;
        var nodes = mentions.Nodes ? _nodes ??= new PlanBinding("Nodes", string.Join(",", graph.Cluster.Nodes.Select(n => n.Name))) : null;
        var cluster = mentions.ClusterName ? _clusterName ??= new PlanBinding("ClusterName", graph.Cluster.Name) : null;
        var parameters = KeyBindings(mentions, mentions.ParamsKeys, "Params", graph.Parameters);
        var inputs = KeyBindings(mentions, mentions.InputsKeys, "Inputs", step.Inputs);

        // One array of the exact size per step; every binding in it is shared with the other steps that have it.
        var count = (node is null ? 0 : 1) + (nodes is null ? 0 : 1) + (cluster is null ? 0 : 1) + parameters.Length + inputs.Length;
        if (count == 0)
        {
            return [];
        }

        var bindings = new PlanBinding[count];
        var next = 0;
        foreach (var single in (ReadOnlySpan<PlanBinding?>)[node, nodes, cluster])
        {
            if (single is not null)
            {
                bindings[next++] = single;
            }
        }

        parameters.CopyTo(bindings, next);
        inputs.CopyTo(bindings, next + parameters.Length);
        return bindings;
    }

    private PlanBinding NodeBinding(string node)
    {
        if (!_nodeBindings.TryGetValue(node, out var binding))
        {
            binding = new PlanBinding("Node", node);
            _nodeBindings[node] = binding;
        }

        return binding;
    }

    private PlanBinding[] KeyBindings(Mentions mentions, IReadOnlyList<string> keys, string table, IReadOnlyDictionary<string, object?> values)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        if (!_keyBindings.TryGetValue((mentions, values), out var bound))
        {
            bound = KeyBindings(keys, table, values);
            _keyBindings[(mentions, values)] = bound;
        }

        return bound;
    }

    private Mentions MentionsOf(EmbeddedText? script, EmbeddedText? skipIf, EmbeddedText? rehearsal)
    {
        if (!_mentions.TryGetValue((script, skipIf, rehearsal), out var mentions))
        {
            mentions = Mentions.Read($"{script?.Value}\n{skipIf?.Value}\n{rehearsal?.Value}");
            _mentions[(script, skipIf, rehearsal)] = mentions;
        }

        return mentions;
    }

    private static PlanBinding[] KeyBindings(IReadOnlyList<string> keys, string table, IReadOnlyDictionary<string, object?> values)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // PowerShell hashtable keys are case-insensitive; report the declared spelling.
            var declared = values.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (declared is not null)
            {
                used.Add(declared);
            }
        }

        return [.. used.Select(k => new PlanBinding($"{table}.{k}", PlanValueText.Format(values[k])))];
    }

    /// <summary>What one script (with its skipIf) mentions; keys as written, in order of appearance.</summary>
    private sealed record Mentions(bool Nodes, bool ClusterName, IReadOnlyList<string> ParamsKeys, IReadOnlyList<string> InputsKeys)
    {
        public static Mentions Read(string text)
        {
            var keys = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase) { ["Params"] = [], ["Inputs"] = [] };
            foreach (Match match in KeyReference().Matches(text))
            {
                keys[match.Groups["table"].Value].Add(match.Groups["dot"].Success ? match.Groups["dot"].Value : match.Groups["index"].Value);
            }

            return new Mentions(NodesVariable().IsMatch(text), ClusterNameVariable().IsMatch(text), keys["Params"], keys["Inputs"]);
        }
    }

    /// <summary>Two (script, skipIf) pairs are the same when they are the same text objects.</summary>
    private sealed class SameTexts : IEqualityComparer<(EmbeddedText?, EmbeddedText?, EmbeddedText?)>
    {
        public static readonly SameTexts Instance = new();

        public bool Equals((EmbeddedText?, EmbeddedText?, EmbeddedText?) x, (EmbeddedText?, EmbeddedText?, EmbeddedText?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((EmbeddedText?, EmbeddedText?, EmbeddedText?) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2), RuntimeHelpers.GetHashCode(obj.Item3));
    }

    /// <summary>The same mentions (by reference) read against the same values table (by reference).</summary>
    private sealed class SameKeyTables : IEqualityComparer<(Mentions, IReadOnlyDictionary<string, object?>)>
    {
        public static readonly SameKeyTables Instance = new();

        public bool Equals((Mentions, IReadOnlyDictionary<string, object?>) x, (Mentions, IReadOnlyDictionary<string, object?>) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Mentions, IReadOnlyDictionary<string, object?>) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }

    // \b after the name keeps $Node from matching $Nodes.
    [GeneratedRegex(@"\$Nodes\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NodesVariable();

    [GeneratedRegex(@"\$ClusterName\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClusterNameVariable();

    [GeneratedRegex(@"\$(?<table>Params|Inputs)(?:\.(?<dot>[A-Za-z_][A-Za-z0-9_]*)|\[\s*['""](?<index>[^'""]+)['""]\s*\])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyReference();
}
