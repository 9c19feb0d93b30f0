namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// Step id → position in a graph's step list, for the passes that walk a whole graph (critical paths).
/// A <c>Dictionary&lt;string, int&gt;</c> over a 64-node graph's ~4,000 steps has a 24-byte entry array of about
/// 100 KB: a large-object-heap allocation, and those bring full (gen-2) collections. Here keys and positions are two
/// parallel arrays (8 and 4 bytes a slot), open-addressed, which stay under the 85 KB threshold up to ~5,000 steps.
/// </summary>
internal sealed class StepPositions
{
    private readonly string?[] _ids;
    private readonly int[] _positions;
    private readonly int _mask;

    /// <param name="capacity">How many distinct ids will be added at most.</param>
    public StepPositions(int capacity)
    {
        // A power of two at least 1.5 × capacity keeps probe runs short.
        var size = 4;
        while (size < capacity + (capacity / 2))
        {
            size *= 2;
        }

        _ids = new string?[size];
        _positions = new int[size];
        _mask = size - 1;
    }

    /// <summary>Maps <paramref name="id"/> to <paramref name="position"/>, replacing an earlier position of the same id.</summary>
    public void Set(string id, int position)
    {
        var slot = SlotOf(id);
        _ids[slot] = id;
        _positions[slot] = position;
    }

    /// <summary>Maps <paramref name="id"/> to <paramref name="position"/> unless the id is already mapped.</summary>
    public void TryAdd(string id, int position)
    {
        var slot = SlotOf(id);
        if (_ids[slot] is null)
        {
            _ids[slot] = id;
            _positions[slot] = position;
        }
    }

    public bool TryGetValue(string id, out int position)
    {
        var slot = SlotOf(id);
        position = _ids[slot] is null ? -1 : _positions[slot];
        return _ids[slot] is not null;
    }

    /// <summary>The slot holding <paramref name="id"/>, or the empty slot where it would go (linear probing).</summary>
    private int SlotOf(string id)
    {
        var slot = StringComparer.Ordinal.GetHashCode(id) & _mask;
        while (_ids[slot] is { } existing && !string.Equals(existing, id, StringComparison.Ordinal))
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }
}
