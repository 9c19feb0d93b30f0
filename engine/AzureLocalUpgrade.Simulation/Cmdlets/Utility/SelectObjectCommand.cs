using System.Collections;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Select-Object [[-Property] &lt;object[]&gt;] [-ExcludeProperty] [-ExpandProperty] [-First] [-Last] [-Skip] [-Unique]:
/// the input is collected, then skipped/first/last are taken, then each object is projected onto a new object with
/// the chosen properties (or the one property expanded). Duplicates go with -Unique.
/// </summary>
[Cmdlet(VerbsCommon.Select, "Object", DefaultParameterSetName = "DefaultParameter")]
[OutputType("System.Management.Automation.PSObject")]
[UtilityFallback]
public sealed class SelectObjectCommand : SimulatorCmdlet
{
    private readonly List<PSObject> _input = [];

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0)]
    public object[]? Property { get; set; }

    [Parameter]
    public string[]? ExcludeProperty { get; set; }

    [Parameter]
    public string? ExpandProperty { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? First { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Last { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Skip { get; set; }

    [Parameter]
    public SwitchParameter Unique { get; set; }

    protected override void Execute()
    {
        if (InputObject is not null)
        {
            _input.Add(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        IEnumerable<PSObject> items = _input.Skip(Skip);
        if (First is { } first)
        {
            items = items.Take(first);
        }

        if (Last is { } last)
        {
            items = items.TakeLast(last);
        }

        var specs = Property?.Select(PropertySpec.From).ToList();
        var output = items.SelectMany(Project).ToList();
        if (Unique)
        {
            output = [.. output.Distinct(PSObjectComparer.Instance)];
        }

        WriteObject(output, enumerateCollection: true);

        IEnumerable<PSObject> Project(PSObject item)
        {
            if (ExpandProperty is not null)
            {
                var property = item.Properties[ExpandProperty];
                if (property is null)
                {
                    WriteError(new ErrorRecord(new PSArgumentException($"Property \"{ExpandProperty}\" cannot be found."), "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand", ErrorCategory.InvalidArgument, item));
                    return [];
                }

                var values = property.Value is IEnumerable many and not string ? many.Cast<object?>() : [property.Value];
                return values.Select(v => AddProperties(PSObject.AsPSObject(v ?? ""), item, specs));
            }

            return specs is null ? [item] : [AddProperties(new PSObject(), item, specs)];
        }
    }

    private PSObject AddProperties(PSObject target, PSObject source, List<PropertySpec>? specs)
    {
        foreach (var (name, value) in specs?.SelectMany(s => s.Evaluate(source)) ?? [])
        {
            if (ExcludeProperty?.Any(x => WildcardPattern.Get(x, WildcardOptions.IgnoreCase).IsMatch(name)) == true || target.Properties[name] is not null)
            {
                continue;
            }

            target.Properties.Add(new PSNoteProperty(name, value));
        }

        return target;
    }
}
