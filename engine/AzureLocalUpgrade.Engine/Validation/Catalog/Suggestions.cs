namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>"Did you mean" by edit distance (Levenshtein, without case), as PowerShell users expect from typos.</summary>
public static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="written"/>, or null when none is close enough to be a typo.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        // A third of the length, at least 2: 'Get-ClusterNod' finds 'Get-ClusterNode', 'Name' never suggests 'Node' for 'Id'.
        var limit = Math.Max(2, written.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(written, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"Did you mean 'x'? " when <paramref name="written"/> is a typo away from a candidate, else "": the start of a hint.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates) =>
        Closest(written, candidates) is { } closest ? $"Did you mean '{closest}'? " : "";

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
