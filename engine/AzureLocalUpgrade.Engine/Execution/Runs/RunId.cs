using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>Run ids sort by time and say which cluster: <c>20261123-021500-hci01-a1b2</c>.</summary>
public static class RunId
{
    private const string TimeFormat = "yyyyMMdd-HHmmss";
    private const int SuffixBytes = 2;

    public static string New(DateTimeOffset time, string cluster)
    {
        var suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..SuffixBytes]);
        return $"{time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{Sanitize(cluster)}-{suffix}";
    }

    public const int MaxLength = 128;

    /// <summary>
    /// False when <paramref name="runId"/> cannot be a run of <paramref name="cluster"/>: <see cref="New"/> puts the
    /// sanitised cluster name between the time and a four-character suffix. True is not proof (two names can sanitise
    /// alike): the run's own record of its cluster decides.
    /// </summary>
    public static bool MayBelongTo(string runId, string cluster)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var name = Sanitize(cluster);
        var timeLength = TimeFormat.Length + 1; // the time and its dash
        const int suffixLength = 1 + (2 * SuffixBytes); // a dash and the suffix's hex digits
        return runId.Length == timeLength + name.Length + suffixLength
            && runId.AsSpan(timeLength, name.Length).SequenceEqual(name)
            && runId[timeLength + name.Length] == '-';
    }

    /// <summary>
    /// Null when <paramref name="runId"/> can be a run id (what <see cref="New"/> makes: lower-case letters, digits and
    /// dashes), else why not. Checked before a run id given on the command line becomes part of a path.
    /// </summary>
    public static string? Problem(string? runId)
    {
        if (string.IsNullOrEmpty(runId))
        {
            return "it is empty";
        }

        if (runId.Length > MaxLength)
        {
            return $"it has {runId.Length} characters, more than {MaxLength}";
        }

        var bad = runId.FirstOrDefault(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        if (bad != default)
        {
            return char.IsControl(bad) || char.IsWhiteSpace(bad) ? $"it contains the character U+{(int)bad:X4}" : $"it contains '{bad}'; a run id has only lower-case letters, digits and dashes";
        }

        return runId[0] == '-' ? "it starts with a dash" : null;
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
