using System.Globalization;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Measure-Object [[-Property] &lt;string[]&gt;] [-Sum] [-Average] [-Maximum] [-Minimum] [-AllStats]: one result per
/// property (or one for the objects themselves) with Count and the statistics asked for; the others stay null.
/// Count counts the objects that have the property. A value that is not a number is an error, as in PowerShell.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "Object")]
[OutputType("Microsoft.PowerShell.Commands.GenericMeasureInfo")]
[UtilityFallback]
public sealed class MeasureObjectCommand : SimulatorCmdlet
{
    private readonly List<PSObject> _input = [];

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0)]
    public string[]? Property { get; set; }

    [Parameter]
    public SwitchParameter Sum { get; set; }

    [Parameter]
    public SwitchParameter Average { get; set; }

    [Parameter]
    public SwitchParameter Maximum { get; set; }

    [Parameter]
    public SwitchParameter Minimum { get; set; }

    [Parameter]
    public SwitchParameter AllStats { get; set; }

    protected override void Execute()
    {
        if (InputObject is not null)
        {
            _input.Add(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            if (Property is null)
            {
                WriteObject(Measure("", _input.Select(i => i.BaseObject)));
                return;
            }

            foreach (var spec in Property.Select(p => PropertySpec.From(p)))
            {
                var present = _input.Where(spec.IsPresentOn).ToList();
                WriteObject(Measure(spec.Name!, present.Select(spec.ValueOf)));
            }
        }
        catch (SimulationException ex)
        {
            WriteError(new ErrorRecord(ex, ex.ErrorId, ex.Category, null));
        }
    }

    private MeasureInfo Measure(string property, IEnumerable<object?> values)
    {
        var list = values.ToList();
        var wantsNumbers = Sum || Average || Maximum || Minimum || AllStats;
        var numbers = wantsNumbers ? list.Select(ToNumber).ToList() : [];
        var any = numbers.Count > 0;
        return new MeasureInfo
        {
            Property = property,
            Count = list.Count,
            Sum = (Sum || AllStats) ? numbers.Sum() : null,
            Average = (Average || AllStats) && any ? numbers.Average() : null,
            Maximum = (Maximum || AllStats) && any ? numbers.Max() : null,
            Minimum = (Minimum || AllStats) && any ? numbers.Min() : null,
        };
    }

    private static double ToNumber(object? value)
    {
        try
        {
            return LanguagePrimitives.ConvertTo<double>(value);
        }
        catch (PSInvalidCastException)
        {
            throw new SimulationException(
                "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand",
                ErrorCategory.InvalidType,
                string.Create(CultureInfo.InvariantCulture, $"Input object \"{value}\" is not numeric."));
        }
    }
}

/// <summary>Measure-Object's result, with the property names of PowerShell's GenericMeasureInfo.</summary>
public sealed class MeasureInfo
{
    public int Count { get; init; }

    public double? Average { get; init; }

    public double? Sum { get; init; }

    public double? Maximum { get; init; }

    public double? Minimum { get; init; }

    public string Property { get; init; } = "";
}
