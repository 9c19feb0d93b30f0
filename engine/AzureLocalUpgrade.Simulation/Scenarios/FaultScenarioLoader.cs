using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using AzureLocalUpgrade.Engine.Loading;

namespace AzureLocalUpgrade.Simulation.Scenarios;

/// <summary>Reads scenario YAML through the representation model so every error keeps its line and column.</summary>
internal static class FaultScenarioLoader
{
    private static readonly string[] TopLevelFields = ["apiVersion", "kind", "name", "description", "faults"];
    private static readonly string[] FaultFields = ["kind", "node", "title", "preview", "vmsPerNode"];

    /// <summary>Faults that must name a node, because "every node" would make the scenario meaningless.</summary>
    private static readonly FaultKind[] NodeRequired = [FaultKind.NodeNeverReturns, FaultKind.CauFailsOnNode, FaultKind.DifferentFeatureUpdate];

    public static FaultScenarioLoadResult LoadFile(string path)
    {
        // The bounded loader every YAML input goes through: a regular file, size, nesting and aliases checked.
        var bag = new DiagnosticBag();
        return YamlSourceLoader.ReadSafeText(path, bag) is { } text ? Parse(text, path) : new(null, bag.Items.ToList());
    }

    public static FaultScenarioLoadResult Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return new(null, [ScenarioDiagnostics.InvalidYaml(At(file, ex.Start), ex.Message)]);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this without a position for some malformed flow collections.
            return new(null, [ScenarioDiagnostics.InvalidYaml(SourceSpan.At(file, 1, 1), ex.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new(null, [ScenarioDiagnostics.WrongShape(SourceSpan.At(file, 1, 1), "A scenario is a mapping with 'name' and 'faults'.")]);
        }

        var errors = new List<Diagnostic>();
        CheckFields(root, TopLevelFields, file, errors);
        var name = Scalar(root, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(ScenarioDiagnostics.MissingField(At(file, root.Start), "name", "A scenario"));
        }

        var faults = new List<Fault>();
        if (Child(root, "faults") is { } faultsNode)
        {
            if (faultsNode is YamlSequenceNode sequence)
            {
                faults.AddRange(sequence.Children.Select(item => ReadFault(item, file, errors)).OfType<Fault>());
            }
            else
            {
                errors.Add(ScenarioDiagnostics.WrongShape(At(file, faultsNode.Start), "'faults' must be a list of faults."));
            }
        }
        else
        {
            errors.Add(ScenarioDiagnostics.MissingField(At(file, root.Start), "faults", "A scenario"));
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new FaultScenario(name!, Scalar(root, "description"), faults, file), []);
    }

    private static Fault? ReadFault(YamlNode node, string file, List<Diagnostic> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(ScenarioDiagnostics.WrongShape(At(file, node.Start), "A fault is a mapping with 'kind'."));
            return null;
        }

        CheckFields(map, FaultFields, file, errors);
        var span = At(file, map.Start);
        var kindText = Scalar(map, "kind");
        if (kindText is null)
        {
            errors.Add(ScenarioDiagnostics.MissingField(span, "kind", "A fault"));
            return null;
        }

        var knownKinds = Enum.GetNames<FaultKind>().Select(CamelCase).ToArray();
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(ScenarioDiagnostics.UnknownFaultKind(At(file, Child(map, "kind")!.Start), kindText, knownKinds));
            return null;
        }

        var nodeName = Scalar(map, "node");
        if (nodeName is null && NodeRequired.Contains(kind))
        {
            errors.Add(ScenarioDiagnostics.MissingField(span, "node", $"A {CamelCase(kind.ToString())} fault"));
        }

        var preview = false;
        if (Scalar(map, "preview") is { } previewText && !bool.TryParse(previewText, out preview))
        {
            errors.Add(ScenarioDiagnostics.InvalidValue(At(file, Child(map, "preview")!.Start), "preview", previewText, "true or false"));
        }

        int? vmsPerNode = null;
        if (Scalar(map, "vmsPerNode") is { } vmsText)
        {
            if (int.TryParse(vmsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var vms) && vms >= 0)
            {
                vmsPerNode = vms;
            }
            else
            {
                errors.Add(ScenarioDiagnostics.InvalidValue(At(file, Child(map, "vmsPerNode")!.Start), "vmsPerNode", vmsText, "a whole number, 0 or more"));
            }
        }
        else if (kind == FaultKind.LimitedVmCapacity)
        {
            errors.Add(ScenarioDiagnostics.MissingField(span, "vmsPerNode", "A limitedVmCapacity fault"));
        }

        return new Fault(kind, nodeName, Scalar(map, "title"), preview, vmsPerNode, span);
    }

    private static void CheckFields(YamlMappingNode map, string[] known, string file, List<Diagnostic> errors)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value, StringComparer.Ordinal))
            {
                errors.Add(ScenarioDiagnostics.UnknownField(At(file, key.Start), key.Value ?? "", known));
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static string CamelCase(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static SourceSpan At(string file, Mark mark) => SourceSpan.At(file, (int)mark.Line, (int)mark.Column);
}
