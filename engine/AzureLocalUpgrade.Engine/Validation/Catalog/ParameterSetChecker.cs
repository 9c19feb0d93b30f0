using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Finds a parameter set that takes the call as written, as PowerShell's binder does: every named parameter in the
/// set, every positional argument on a free positional slot, every mandatory parameter given (or able to come from the
/// pipeline when the command is not first in it). Reports parameters of exclusive sets (ALU2405), a positional argument
/// no slot takes (ALU2406) and mandatory parameters missing in every set that fits (ALU2404).
/// </summary>
public static class ParameterSetChecker
{
    /// <summary>A parameter and the argument bound to it, named or positional.</summary>
    public readonly record struct BoundValue(CatalogParameter Parameter, Ast? Value);

    private sealed record Attempt(string Set, IReadOnlyList<CatalogParameter> Slots, IReadOnlyList<CatalogParameter> Missing)
    {
        public bool Overflows(int positional) => positional > Slots.Count;
    }

    /// <summary>Checks the sets; returns what each argument binds to in the set PowerShell would choose (empty when none).</summary>
    public static IReadOnlyList<BoundValue> Check(CallBinding call, EmbeddedText script, DiagnosticBag bag)
    {
        var command = call.Command;
        var named = call.Named.Select(n => n.Parameter).Where(p => !CommonParameters.IsCommon(p)).Distinct().ToList();
        var sets = command.SetNames.Count == 0 ? [CatalogParameterSet.AllSets] : command.SetNames;
        var fitting = sets.Where(set => named.All(p => p.In(set) is not null)).ToList();
        var at = CallBinder.At(script, call.Call.CommandElements[0]);
        if (fitting.Count == 0)
        {
            bag.Add(DiagnosticCatalog.ParameterSetConflict(at, command.Name, named.Select(p => p.Name), DescribeSets(command, sets)));
            return [];
        }

        var attempts = fitting.Select(set => Try(command, set, named, call)).ToList();
        var chosen = attempts.Where(a => !a.Overflows(call.Positional.Count) && a.Missing.Count == 0).ToList();
        if (chosen.Count > 0)
        {
            var best = chosen.FirstOrDefault(a => IsDefault(command, a.Set)) ?? chosen[0];
            return [.. call.Named.Select(n => new BoundValue(n.Parameter, n.Value)),
                .. call.Positional.Select((value, i) => new BoundValue(best.Slots[i], value))];
        }

        var room = attempts.Where(a => !a.Overflows(call.Positional.Count)).ToList();
        if (room.Count == 0)
        {
            var widest = attempts.MaxBy(a => a.Slots.Count)!;
            var extra = call.Positional[widest.Slots.Count];
            bag.Add(DiagnosticCatalog.PositionalArgumentNotAccepted(CallBinder.At(script, extra), command.Name, Quote(extra), widest.Slots.Select(p => p.Name)));
            return [];
        }

        var nearest = room.FirstOrDefault(a => IsDefault(command, a.Set)) ?? room.MinBy(a => a.Missing.Count)!;
        bag.Add(DiagnosticCatalog.MandatoryParameterMissing(at, command.Name, nearest.Missing.Select(p => p.Name), DescribeSets(command, room.Select(a => a.Set))));
        return [];
    }

    private static Attempt Try(CatalogCommand command, string set, IReadOnlyList<CatalogParameter> named, CallBinding call)
    {
        var slots = command.Parameters
            .Where(p => !named.Contains(p) && p.In(set)?.Position is not null)
            .OrderBy(p => p.In(set)!.Position)
            .ToList();
        var bound = named.Concat(slots.Take(call.Positional.Count)).ToHashSet();
        var missing = command.Parameters
            .Where(p => p.In(set) is { Mandatory: true } membership && !bound.Contains(p) && !(call.TakesPipelineInput && membership.TakesPipelineInput))
            .ToList();
        return new Attempt(set, slots, missing);
    }

    private static bool IsDefault(CatalogCommand command, string set) =>
        string.Equals(command.DefaultSet, set, StringComparison.OrdinalIgnoreCase);

    // "Set 'ByName' needs -Name; set 'ByObject' needs -InputObject." — what each candidate set requires.
    private static string DescribeSets(CatalogCommand command, IEnumerable<string> sets)
    {
        var described = sets.Select(set =>
        {
            var members = command.Parameters.Where(p => p.In(set) is not null).ToList();
            var mandatory = members.Where(p => p.In(set)!.Mandatory).Select(p => "-" + p.Name).ToList();
            var label = set == CatalogParameterSet.AllSets ? $"'{command.Name}'" : $"Set '{set}'";
            return $"{label} takes {string.Join(", ", members.Select(p => "-" + p.Name))}"
                + (mandatory.Count == 0 ? "" : $" and needs {string.Join(", ", mandatory)}");
        });
        return string.Join("; ", described) + ".";
    }

    private static string Quote(Ast argument)
    {
        var text = argument.Extent.Text.ReplaceLineEndings(" ");
        text = text.Length > 40 ? text[..37] + "..." : text;
        return text.StartsWith('\'') || text.StartsWith('"') ? text : $"'{text}'";
    }
}
