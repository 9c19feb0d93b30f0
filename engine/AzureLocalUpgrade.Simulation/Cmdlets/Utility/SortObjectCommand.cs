using System.Globalization;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Sort-Object [[-Property] &lt;object[]&gt;] [-Descending] [-Unique] [-CaseSensitive] [-Stable] [-Top n | -Bottom n]:
/// a stable sort on each key in turn with PowerShell's comparison (numbers as numbers, text case-insensitively
/// unless -CaseSensitive, nulls first).
/// </summary>
[Cmdlet("Sort", "Object", DefaultParameterSetName = "Default")]
[OutputType("System.Management.Automation.PSObject")]
[UtilityFallback]
public sealed class SortObjectCommand : SimulatorCmdlet
{
    private readonly List<PSObject> _input = [];

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0)]
    public object[]? Property { get; set; }

    [Parameter]
    public SwitchParameter Descending { get; set; }

    [Parameter]
    public SwitchParameter Unique { get; set; }

    [Parameter]
    public SwitchParameter CaseSensitive { get; set; }

    [Parameter(ParameterSetName = "Default")]
    public SwitchParameter Stable { get; set; }

    [Parameter(ParameterSetName = "Top", Mandatory = true)]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; }

    [Parameter(ParameterSetName = "Bottom", Mandatory = true)]
    [ValidateRange(1, int.MaxValue)]
    public int Bottom { get; set; }

    protected override void Execute()
    {
        if (InputObject is not null)
        {
            _input.Add(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        var keys = Property?.Select(PropertySpec.From).ToList();
        var rows = _input.Select(item => (Item: item, Keys: KeysOf(item, keys))).ToList();
        var directions = keys?.Select(k => k.Descending ?? Descending.IsPresent).ToArray() ?? [Descending.IsPresent];
        var sorted = rows.Order(Comparer<(PSObject Item, object?[] Keys)>.Create((a, b) => Compare(a.Keys, b.Keys, directions))).ToList();
        if (Unique)
        {
            sorted = [.. sorted.Where((row, i) => i == 0 || Compare(sorted[i - 1].Keys, row.Keys, directions) != 0)];
        }

        var items = sorted.Select(r => r.Item);
        items = ParameterSetName switch
        {
            "Top" => items.Take(Top),
            "Bottom" => items.TakeLast(Bottom),
            _ => items,
        };
        WriteObject(items.ToList(), enumerateCollection: true);
    }

    private static object?[] KeysOf(PSObject item, List<PropertySpec>? keys) =>
        keys is null ? [item.BaseObject] : [.. keys.Select(k => k.ValueOf(item))];

    private int Compare(object?[] left, object?[] right, bool[] descending)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var order = CompareValues(left[i], right[i]);
            if (order != 0)
            {
                return descending[i] ? -order : order;
            }
        }

        return 0;
    }

    private int CompareValues(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        try
        {
            return LanguagePrimitives.Compare(a, b, ignoreCase: !CaseSensitive, CultureInfo.CurrentCulture);
        }
        catch (Exception ex) when (ex is PSInvalidCastException or ArgumentException)
        {
            // Values of types PowerShell cannot compare sort by their text, as Sort-Object does.
            return string.Compare(a.ToString(), b.ToString(), CultureInfo.CurrentCulture, CaseSensitive ? CompareOptions.None : CompareOptions.IgnoreCase);
        }
    }
}
