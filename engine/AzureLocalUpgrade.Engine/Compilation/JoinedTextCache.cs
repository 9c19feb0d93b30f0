namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// One string per distinct joined text within a compilation. A forEach repeats the same source paths
/// (<c>rolling-update/drain</c>) and skip reasons on every node; joining them anew made thousands of equal strings
/// that the graph then kept alive. The joined text is looked up from a stack buffer, so a repeat allocates nothing.
/// </summary>
internal sealed class JoinedTextCache
{
    private const int StackLimit = 256;
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

    public string Join(ReadOnlySpan<char> first, ReadOnlySpan<char> separator, ReadOnlySpan<char> second)
    {
        var length = first.Length + separator.Length + second.Length;
        if (length > StackLimit)
        {
            var joined = string.Concat(first, separator, second);
            return _texts.TryGetValue(joined, out var known) ? known : Added(joined);
        }

        Span<char> buffer = stackalloc char[length];
        first.CopyTo(buffer);
        separator.CopyTo(buffer[first.Length..]);
        second.CopyTo(buffer[(first.Length + separator.Length)..]);
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buffer, out var existing))
        {
            return existing;
        }

        return Added(buffer.ToString());
    }

    private string Added(string text)
    {
        _texts.Add(text);
        return text;
    }
}
