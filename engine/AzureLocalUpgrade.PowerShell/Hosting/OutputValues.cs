using System.Management.Automation;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// Pipeline output as plain .NET values: the base object of each PSObject, a [pscustomobject] as an ordered
/// dictionary of its properties (its base object alone would lose them), strings scrubbed of secrets.
/// </summary>
internal static class OutputValues
{
    public static List<object?> From(IEnumerable<PSObject?> output, SecretRedactor redactor) =>
        [.. output.Select(o => Plain(o, redactor))];

    private static object? Plain(PSObject? item, SecretRedactor redactor) => item?.BaseObject switch
    {
        null => null,
        PSCustomObject => item.Properties.ToDictionary(p => p.Name, p => Scrub(p.Value, redactor), StringComparer.OrdinalIgnoreCase),
        var value => Scrub(value, redactor),
    };

    private static object? Scrub(object? value, SecretRedactor redactor) => value switch
    {
        string text => redactor.Redact(text),
        PSObject nested => Plain(nested, redactor),
        _ => value,
    };
}
