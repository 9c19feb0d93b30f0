namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// The union of leaf-id lists ("exits") in order, each id once: what a unit waits for when it follows several.
/// Every list the builder makes is already free of duplicates and never modified after it is returned, so a single
/// list is shared rather than copied. Most steps follow exactly one sibling: before this, each of the thousands of
/// steps of a 64-node compile copied its needs through a HashSet and a LINQ chain.
/// </summary>
internal static class ExitUnion
{
    // Below this many ids a linear scan of the result beats hashing (and allocates nothing more).
    private const int LinearScanLimit = 16;

    // One set per thread, cleared before each use (Clear keeps its buckets): a rolling forEach unions its incoming
    // ids (a hundred or more after a parallel phase) into every instance's needs, and a new set each time was a
    // large share of what a 64-node compile allocated for hashing.
    [ThreadStatic]
    private static HashSet<string>? t_seen;

    public static IReadOnlyList<string> Of(IReadOnlyList<IReadOnlyList<string>> lists)
    {
        if (lists.Count == 1)
        {
            return lists[0];
        }

        // Indexed loops throughout: enumerating an IReadOnlyList boxes its enumerator.
        var total = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            total += lists[i].Count;
        }

        if (total == 0)
        {
            return [];
        }

        var result = new List<string>(total);
        var seen = total > LinearScanLimit ? EmptySet(total) : null;
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            for (var j = 0; j < list.Count; j++)
            {
                var id = list[j];
                if (seen?.Add(id) ?? !ContainsOrdinal(result, id))
                {
                    result.Add(id);
                }
            }
        }

        return result;
    }

    private static HashSet<string> EmptySet(int capacity)
    {
        var seen = t_seen ??= new HashSet<string>(StringComparer.Ordinal);
        seen.Clear();
        seen.EnsureCapacity(capacity);
        return seen;
    }

    private static bool ContainsOrdinal(List<string> ids, string id)
    {
        foreach (var existing in ids)
        {
            if (string.Equals(existing, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
