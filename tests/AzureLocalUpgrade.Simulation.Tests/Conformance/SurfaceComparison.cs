using System.Globalization;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>
/// The differences between a simulated cmdlet and its catalog entry that would let a script pass in the simulator
/// and fail on a real cluster, or the reverse. The simulator may model fewer parameters or output types than the
/// reference (a subset), but whatever it declares must be declared as the reference does. Where the docsets'
/// pages differ (byDocset), the simulator may follow any one of them: an alias or accepted value must be documented
/// in some docset, and one documented in every docset must be there.
/// </summary>
internal static class SurfaceComparison
{
    private const string AllSets = ParameterAttribute.AllParameterSets;

    public static IEnumerable<string> Differences(SimulatedCmdlet simulated, CatalogCommand catalogued)
    {
        var referenceSets = catalogued.Parameters.SelectMany(p => p.Variants).SelectMany(v => v.Sets)
            .Select(s => s.Set).Where(s => s != AllSets).ToHashSet(StringComparer.Ordinal);
        foreach (var difference in AvailabilityDifferences(simulated, catalogued))
        {
            yield return difference;
        }

        foreach (var difference in ShouldProcessDifferences(simulated, catalogued))
        {
            yield return difference;
        }

        foreach (var parameter in simulated.Parameters.Where(p => !IsShouldProcessParameter(p.Name)))
        {
            var reference = catalogued.Parameter(parameter.Name);
            if (reference is null)
            {
                yield return $"extra parameter -{parameter.Name} (the reference has: {Names(catalogued)})";
                continue;
            }

            var differences = AliasDifferences(parameter, reference)
                .Concat(ValueDifferences(parameter.AcceptedValues, reference))
                .Concat(parameter.Sets.SelectMany(entry => SetDifferences(entry, reference, referenceSets)));
            foreach (var difference in differences)
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

    /// <summary>A command the reference has only where the solution is deployed must not exist on a plain-OS node.</summary>
    private static IEnumerable<string> AvailabilityDifferences(SimulatedCmdlet simulated, CatalogCommand catalogued)
    {
        var solutionOnly = catalogued.Requires == "solution-deployed";
        if (solutionOnly && !simulated.SolutionOnly)
        {
            yield return "exists on every simulated node; the reference has it only where the Azure Local solution is deployed";
        }

        if (!solutionOnly && simulated.SolutionOnly)
        {
            yield return $"exists only where the solution is deployed; the reference requires {catalogued.Requires ?? "nothing"}";
        }
    }

    /// <summary>
    /// -WhatIf and -Confirm come as a pair from PowerShell itself (SupportsShouldProcess) with the aliases wi and cf,
    /// so they are compared as one fact: a page listing either means the cmdlet supports ShouldProcess (some pages,
    /// such as Update-ClusterFunctionalLevel.md, list -WhatIf alone or without its alias).
    /// </summary>
    private static IEnumerable<string> ShouldProcessDifferences(SimulatedCmdlet simulated, CatalogCommand catalogued)
    {
        var simulatedSupports = simulated.Parameters.Any(p => IsShouldProcessParameter(p.Name));
        var referenceSupports = catalogued.Parameters.Any(p => IsShouldProcessParameter(p.Name));
        if (simulatedSupports && !referenceSupports)
        {
            yield return "supports ShouldProcess (-WhatIf, -Confirm); the reference lists neither";
        }
    }

    private static bool IsShouldProcessParameter(string name) => Same(name, "WhatIf") || Same(name, "Confirm");

    private static IEnumerable<string> AliasDifferences(SimulatedParameter parameter, CatalogParameter reference)
    {
        var documented = Union(reference.Variants.Select(v => v.Aliases));
        foreach (var alias in parameter.Aliases.Where(a => !documented.Contains(a)))
        {
            yield return $"extra alias '{alias}' (the reference's aliases: {List(documented)})";
        }

        foreach (var alias in Intersection(reference.Variants.Select(v => v.Aliases)).Where(a => !parameter.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"missing alias '{alias}'";
        }
    }

    private static IEnumerable<string> ValueDifferences(IReadOnlyList<string>? simulated, CatalogParameter reference)
    {
        var lists = reference.Variants.Select(v => v.AcceptedValues).ToList();
        if (lists.All(l => l is null))
        {
            if (simulated is not null)
            {
                yield return $"accepts only {List(simulated)}; the reference accepts any value";
            }

            yield break;
        }

        if (lists.Any(l => l is null))
        {
            yield break; // one docset restricts the values, another does not: either declaration is documented
        }

        if (simulated is null)
        {
            yield return $"accepts any value; the reference accepts only {List(lists[0]!)}";
            yield break;
        }

        var documented = Union(lists!);
        foreach (var value in simulated.Where(v => !documented.Contains(v)))
        {
            yield return $"extra accepted value '{value}' (the reference's: {List(documented)})";
        }

        foreach (var value in Intersection(lists!).Where(v => !simulated.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"missing accepted value '{value}'";
        }
    }

    /// <summary>
    /// A simulated set entry agrees when some docset's page puts the parameter in that set with the same position
    /// and mandatory flag; otherwise the differences from the source page are reported.
    /// </summary>
    private static IEnumerable<string> SetDifferences(SimulatedSetEntry entry, CatalogParameter reference, HashSet<string> referenceSets)
    {
        if (entry.Set != AllSets && !referenceSets.Contains(entry.Set))
        {
            return [$"parameter set '{entry.Set}' is not one of the reference's ({List([.. referenceSets])})"];
        }

        var perDocset = reference.Variants.Select(v => EntryDifferences(entry, v).ToList()).ToList();
        return perDocset.Any(d => d.Count == 0) ? [] : perDocset[0];
    }

    private static IEnumerable<string> EntryDifferences(SimulatedSetEntry entry, CatalogParameterFacts facts)
    {
        foreach (var counterpart in Counterparts(entry.Set, facts))
        {
            var where = counterpart.Set == AllSets ? "" : $" in set '{counterpart.Set}'";
            if (entry.Mandatory != counterpart.Mandatory)
            {
                yield return $"mandatory {Flag(entry.Mandatory)}{where}; the reference says {Flag(counterpart.Mandatory)}";
            }

            if (entry.Position != counterpart.Position)
            {
                yield return $"position {Position(entry.Position)}{where}; the reference says {Position(counterpart.Position)}";
            }
        }
    }

    /// <summary>The catalogued set entries a simulated set entry must agree with.</summary>
    private static IEnumerable<CatalogSetEntry> Counterparts(string set, CatalogParameterFacts facts)
    {
        if (set == AllSets)
        {
            return facts.Sets;
        }

        var exact = facts.Sets.Where(s => s.Set == set).ToList();
        return exact.Count > 0 ? exact : facts.Sets.Where(s => s.Set == AllSets);
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

    /// <summary>Parameters every call must pass: mandatory in all of the source page's parameter sets.</summary>
    private static IEnumerable<CatalogParameter> AlwaysMandatory(CatalogCommand command)
    {
        var sets = command.Parameters.SelectMany(p => p.Primary.Sets).Select(s => s.Set).Where(s => s != AllSets).Distinct(StringComparer.Ordinal).ToList();
        return command.Parameters.Where(p =>
            p.Primary.Sets.Any(s => s.Set == AllSets && s.Mandatory)
            || (sets.Count > 0 && sets.All(set => p.Primary.Sets.Any(s => s.Set == set && s.Mandatory))));
    }

    private static HashSet<string> Union(IEnumerable<IReadOnlyList<string>> lists) =>
        lists.SelectMany(l => l).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static List<string> Intersection(IEnumerable<IReadOnlyList<string>> lists)
    {
        var all = lists.ToList();
        return [.. all[0].Where(v => all.All(l => l.Contains(v, StringComparer.OrdinalIgnoreCase)))];
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Names(CatalogCommand command) => List([.. command.Parameters.Select(p => "-" + p.Name)]);

    private static string List(IReadOnlyCollection<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Position(int? position) => position is { } p ? p.ToString(CultureInfo.InvariantCulture) : "named";
}
