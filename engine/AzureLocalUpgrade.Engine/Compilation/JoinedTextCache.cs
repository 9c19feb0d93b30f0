using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// One string per distinct joined text within a compilation. A forEach repeats the same source paths
/// (<c>rolling-update/drain</c>) and skip reasons on every node; joining them anew made thousands of equal strings
/// that the graph then kept alive (see <see cref="StringPool"/>).
/// </summary>
internal sealed class JoinedTextCache
{
    private readonly StringPool _pool = new();

    public string Join(ReadOnlySpan<char> first, ReadOnlySpan<char> separator, ReadOnlySpan<char> second)
    {
        var length = first.Length + separator.Length + second.Length;
        if (length > StringPool.StackLimit)
        {
            return _pool.Get(string.Concat(first, separator, second));
        }

        Span<char> buffer = stackalloc char[length];
        first.CopyTo(buffer);
        separator.CopyTo(buffer[first.Length..]);
        second.CopyTo(buffer[(first.Length + separator.Length)..]);
        return _pool.Get(buffer);
    }
}
