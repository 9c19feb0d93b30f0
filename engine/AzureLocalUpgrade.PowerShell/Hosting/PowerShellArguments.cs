using System.Collections;
using System.Security;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// Turns the executor's parameter values into what a script receives: maps become case-insensitive hashtables
/// (so <c>$Params.setupMedia</c> works as in any PowerShell), lists become arrays, and every
/// <see cref="SecretValue"/> becomes a read-only <see cref="SecureString"/>. The clear text of each secret met on the
/// way is remembered, so the host can scrub it from whatever the script prints.
/// </summary>
internal sealed class PowerShellArguments
{
    private readonly List<string> _secrets = [];

    /// <summary>Clear text of every secret converted so far (for redaction only; never logged).</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    public object? Convert(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case SecretValue secret:
                var clear = secret.Reveal();
                _secrets.Add(clear);
                return ToSecureString(clear);
            case string or SecureString:
                return value;
            case IDictionary<string, object?> map:
                return ToHashtable(map);
            case IReadOnlyDictionary<string, object?> map:
                return ToHashtable(map);
            case IEnumerable items:
                return items.Cast<object?>().Select(Convert).ToArray();
            default:
                return value;
        }
    }

    private Hashtable ToHashtable(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, item) in map)
        {
            table[key] = Convert(item);
        }

        return table;
    }

    private static SecureString ToSecureString(string clear)
    {
        var secure = new SecureString();
        foreach (var character in clear)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
