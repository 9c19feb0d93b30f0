using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>
/// The differences between a simulated cmdlet and its catalog entry that would let a script pass in the simulator
/// and fail on a real cluster, or the reverse. The simulator may model fewer parameters or output types than the
/// reference (a subset), but whatever it declares must be declared as the reference does.
/// </summary>
internal static class SurfaceComparison
{
    private const string AllSets = ParameterAttribute.AllParameterSets;

    public static IEnumerable<string> Differences(SimulatedCmdlet simulated, CatalogCommand catalogued)
    {
        foreach (var parameter in simulated.Parameters)
        {
            var reference = catalogued.Parameter(parameter.Name);
            if (reference is null)
            {
                yield return $"extra parameter -{parameter.Name} (the reference has: {Names(catalogued)})";
                continue;
            }

            foreach (var difference in ParameterDifferences(parameter, reference, catalogued))
            {
                yield return $"-{parameter.Name}: {difference}";
            }
        }

        foreach (var required in AlwaysMandatory(catalogued).Where(p => simulated.Parameters.All(s => !Same(s.Name, p.Name))))
        {
            yield return $"missing parameter -{required.Name}, which the reference makes mandatory in every parameter set";
        }

        foreach (var difference in OutputDifferences(simulated.OutputTypes, catalogued.Outputs))
        {
            yield return difference;
        }
    }

    private static IEnumerable<string> ParameterDifferences(SimulatedParameter parameter, CatalogParameter reference, CatalogCommand command)
    {
        foreach (var alias in parameter.Aliases.Where(a => !reference.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"extra alias '{alias}' (the reference's aliases: {List(reference.Aliases)})";
        }

        foreach (var alias in reference.Aliases.Where(a => !parameter.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"missing alias '{alias}'";
        }

        foreach (var difference in ValueDifferences(parameter.AcceptedValues, reference.AcceptedValues))
        {
            yield return difference;
        }

        var referenceSets = command.Parameters.SelectMany(p => p.Sets).Select(s => s.Set).Where(s => s != AllSets).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in parameter.Sets)
        {
            if (entry.Set != AllSets && !referenceSets.Contains(entry.Set))
            {
                yield return $"parameter set '{entry.Set}' is not one of the reference's ({List([.. referenceSets])})";
                continue;
            }

            foreach (var counterpart in Counterparts(entry.Set, reference))
            {
                var where = counterpart.Set == AllSets ? "" : $" in set '{counterpart.Set}'";
                if (entry.Mandatory != counterpart.Mandatory)
                {
                    yield return $"mandatory {entry.Mandatory.ToString().ToLowerInvariant()}{where}; the reference says {counterpart.Mandatory.ToString().ToLowerInvariant()}";
                }

                if (entry.Position != counterpart.Position)
                {
                    yield return $"position {Position(entry.Position)}{where}; the reference says {Position(counterpart.Position)}";
                }
            }
        }
    }

    /// <summary>The catalogued set entries a simulated set entry must agree with.</summary>
    private static IEnumerable<CatalogSetEntry> Counterparts(string set, CatalogParameter reference)
    {
        if (set == AllSets)
        {
            return reference.Sets;
        }

        var exact = reference.Sets.Where(s => s.Set == set).ToList();
        return exact.Count > 0 ? exact : reference.Sets.Where(s => s.Set == AllSets);
    }

    private static IEnumerable<string> ValueDifferences(IReadOnlyList<string>? simulated, IReadOnlyList<string>? reference)
    {
        if (simulated is null && reference is null)
        {
            yield break;
        }

        if (simulated is null)
        {
            yield return $"accepts any value; the reference accepts only {List(reference!)}";
            yield break;
        }

        if (reference is null)
        {
            yield return $"accepts only {List(simulated)}; the reference accepts any value";
            yield break;
        }

        foreach (var value in simulated.Where(v => !reference.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"extra accepted value '{value}' (the reference's: {List(reference)})";
        }

        foreach (var value in reference.Where(v => !simulated.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"missing accepted value '{value}'";
        }
    }

    private static IEnumerable<string> OutputDifferences(IReadOnlyList<string> simulated, IReadOnlyList<string> reference)
    {
        var documented = reference.Where(o => !o.EndsWith(CmdletCatalog.UndocumentedOutputMarker, StringComparison.Ordinal)).ToList();
        foreach (var type in simulated.Where(t => !documented.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            yield return documented.Count == 0
                ? $"declares output type {type}; the reference names none"
                : $"declares output type {type}; the reference's: {List(documented)}";
        }

        if (simulated.Count == 0 && documented.Count > 0)
        {
            yield return $"declares no output type; the reference's: {List(documented)}";
        }
    }

    /// <summary>Parameters every call must pass: mandatory in all of the reference's parameter sets.</summary>
    private static IEnumerable<CatalogParameter> AlwaysMandatory(CatalogCommand command)
    {
        var sets = command.Parameters.SelectMany(p => p.Sets).Select(s => s.Set).Where(s => s != AllSets).Distinct(StringComparer.Ordinal).ToList();
        return command.Parameters.Where(p =>
            p.Sets.Any(s => s.Set == AllSets && s.Mandatory)
            || (sets.Count > 0 && sets.All(set => p.Sets.Any(s => s.Set == set && s.Mandatory))));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Names(CatalogCommand command) => List([.. command.Parameters.Select(p => "-" + p.Name)]);

    private static string List(IReadOnlyCollection<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);

    private static string Position(int? position) => position is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named";
}
