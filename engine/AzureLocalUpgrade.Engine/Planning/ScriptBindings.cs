using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// The values a step's scripts will receive, found by reading which of <c>$Node</c>, <c>$Nodes</c>,
/// <c>$ClusterName</c>, <c>$Params.x</c> and <c>$Inputs.x</c> they mention. Only those are listed, so a reviewer
/// sees exactly the values the step depends on.
/// </summary>
internal static partial class ScriptBindings
{
    public static IReadOnlyList<PlanBinding> For(GraphStep step, StepGraph graph)
    {
        var text = $"{step.Script?.Value}\n{step.SkipIf?.Value}\n{step.Rehearsal?.Value}";
        var bindings = new List<PlanBinding>();
        if (step.Target.Node is not null)
        {
            bindings.Add(new PlanBinding("Node", step.Target.Node));
        }

        if (Mentions(text, "Nodes"))
        {
            bindings.Add(new PlanBinding("Nodes", string.Join(",", graph.Cluster.Nodes.Select(n => n.Name))));
        }

        if (Mentions(text, "ClusterName"))
        {
            bindings.Add(new PlanBinding("ClusterName", graph.Cluster.Name));
        }

        AddKeys(bindings, text, "Params", graph.Parameters);
        AddKeys(bindings, text, "Inputs", step.Inputs);
        return bindings;
    }

    // \b after the name keeps $Node from matching $Nodes.
    private static bool Mentions(string text, string variable) =>
        Regex.IsMatch(text, $@"\${variable}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static void AddKeys(List<PlanBinding> bindings, string text, string table, IReadOnlyDictionary<string, object?> values)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in KeyReference().Matches(text))
        {
            if (string.Equals(match.Groups["table"].Value, table, StringComparison.OrdinalIgnoreCase))
            {
                var key = match.Groups["dot"].Success ? match.Groups["dot"].Value : match.Groups["index"].Value;
                // PowerShell hashtable keys are case-insensitive; report the declared spelling.
                var declared = values.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (declared is not null)
                {
                    used.Add(declared);
                }
            }
        }

        bindings.AddRange(used.Select(k => new PlanBinding($"{table}.{k}", PlanValueText.Format(values[k]))));
    }

    [GeneratedRegex(@"\$(?<table>Params|Inputs)(?:\.(?<dot>[A-Za-z_][A-Za-z0-9_]*)|\[\s*['""](?<index>[^'""]+)['""]\s*\])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyReference();
}
