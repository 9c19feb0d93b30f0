using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>Run ids sort by time and say which cluster: <c>20261123-021500-hci01-a1b2</c>.</summary>
public static class RunId
{
    public static string New(DateTimeOffset time, string cluster)
    {
        var suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..2]);
        return $"{time.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Sanitize(cluster)}-{suffix}";
    }

    /// <summary>Lower-case letters, digits and dashes only, so the id is safe as a folder and file name.</summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var result = text.ToString().Trim('-');
        return result.Length == 0 ? "cluster" : result;
    }
}
