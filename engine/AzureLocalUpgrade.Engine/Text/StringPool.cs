namespace AzureLocalUpgrade.Engine.Text;

/// <summary>
/// One string per distinct text: a 64-node compilation makes the same step names, messages, source paths and skip
/// reasons on every node, and each copy would live as long as the graph, to be copied by every collection that
/// promotes it. Callers build a text in a stack buffer and look it up here, so a repeat allocates nothing.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longest text callers should build on the stack; longer ones are joined on the heap first.</summary>
    public const int StackLimit = 512;

    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

    /// <summary>The pooled string equal to <paramref name="text"/>, made (and pooled) only if there is none yet.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var existing))
        {
            return existing;
        }

        var made = text.ToString();
        _texts.Add(made);
        return made;
    }
}
