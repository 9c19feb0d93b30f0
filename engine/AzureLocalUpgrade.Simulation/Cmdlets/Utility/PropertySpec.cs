using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// One entry of a -Property list as Select-Object, Sort-Object and Measure-Object take it: a property name
/// (wildcards allowed), a script block evaluated with $_, or a hashtable with Name/Label and Expression
/// (Sort-Object also reads Ascending/Descending).
/// </summary>
internal sealed record PropertySpec(string? Name, WildcardPattern? Pattern, ScriptBlock? Expression, bool? Descending)
{
    public static PropertySpec From(object entry)
    {
        var value = PSObject.AsPSObject(entry).BaseObject;
        switch (value)
        {
            case string name:
                return WildcardPattern.ContainsWildcardCharacters(name)
                    ? new(name, WildcardPattern.Get(name, WildcardOptions.IgnoreCase), null, null)
                    : new(name, null, null, null);
            case ScriptBlock block:
                return new(block.ToString(), null, block, null);
            case IDictionary table:
                var expression = Lookup(table, "Expression", "E");
                var label = Lookup(table, "Name", "N", "Label", "L")?.ToString();
                bool? descending = Lookup(table, "Descending") is { } d ? LanguagePrimitives.IsTrue(d)
                    : Lookup(table, "Ascending") is { } a ? !LanguagePrimitives.IsTrue(a) : null;
                return PSObject.AsPSObject(expression).BaseObject switch
                {
                    ScriptBlock block => new(label ?? block.ToString(), null, block, descending),
                    string property => new(label ?? property, null, ScriptBlock.Create($"$_.'{property.Replace("'", "''", StringComparison.Ordinal)}'"), descending),
                    _ => throw new SimulationException("DictionaryKeyMissing", ErrorCategory.InvalidArgument, "A property hashtable needs an Expression (E) key holding a property name or a script block."),
                };
            default:
                throw new SimulationException("InvalidPropertyType", ErrorCategory.InvalidArgument, $"-Property entries must be names, script blocks or hashtables, not {value?.GetType().Name ?? "null"}.");
        }
    }

    /// <summary>(name, value) pairs this spec gives for an object; a missing plain name gives null, as PowerShell does.</summary>
    public IEnumerable<(string Name, object? Value)> Evaluate(PSObject item)
    {
        if (Expression is not null)
        {
            yield return (Name!, Invoke(Expression, item));
        }
        else if (Pattern is not null)
        {
            foreach (var property in item.Properties.Where(p => Pattern.IsMatch(p.Name)))
            {
                yield return (property.Name, SafeValue(property));
            }
        }
        else
        {
            yield return (Name!, item.Properties[Name!] is { } property ? SafeValue(property) : null);
        }
    }

    /// <summary>The single value (first match) this spec gives, for sorting and measuring.</summary>
    public object? ValueOf(PSObject item) => Evaluate(item).Select(p => p.Value).FirstOrDefault();

    public bool IsPresentOn(PSObject item) => Expression is not null || Evaluate(item).Any() && (Pattern is not null || item.Properties[Name!] is not null);

    public static object? Invoke(ScriptBlock block, PSObject item)
    {
        var results = block.InvokeWithContext(null, [new PSVariable("_", item)]);
        return results.Count switch
        {
            0 => null,
            1 => results[0]?.BaseObject,
            _ => results.Select(r => r?.BaseObject).ToArray(),
        };
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private static object? Lookup(IDictionary table, params string[] keys)
    {
        foreach (DictionaryEntry entry in table)
        {
            if (keys.Contains(entry.Key.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }
}
