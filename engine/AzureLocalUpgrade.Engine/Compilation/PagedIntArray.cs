namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// A fixed-length int array stored as pages of at most 16,384 ints (64 KB), each below the 85 KB large-object-heap
/// threshold. A 64-node SConfig graph has about 33,000 needs: one flat int[] of them was a large-object-heap
/// allocation on every compile, and those bring full (gen-2) collections.
/// </summary>
internal sealed class PagedIntArray
{
    private const int PageShift = 14;
    private const int PageMask = (1 << PageShift) - 1;
    private readonly int[][] _pages;

    public PagedIntArray(int length)
    {
        _pages = new int[(length + PageMask) >> PageShift][];
        for (var p = 0; p < _pages.Length; p++)
        {
            _pages[p] = new int[Math.Min(PageMask + 1, length - (p << PageShift))];
        }
    }

    public int this[int index]
    {
        get => _pages[index >> PageShift][index & PageMask];
        set => _pages[index >> PageShift][index & PageMask] = value;
    }
}
