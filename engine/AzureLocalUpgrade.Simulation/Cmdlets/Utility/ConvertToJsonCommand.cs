using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// ConvertTo-Json [-InputObject] &lt;object&gt; [-Depth 2] [-Compress] [-EnumsAsStrings] [-AsArray]: as PowerShell 7,
/// objects become JSON objects of their properties, dictionaries objects, collections arrays; below -Depth an
/// object is written as its ToString() with a warning. Several pipeline inputs make one array.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "Json")]
[OutputType(typeof(string))]
[UtilityFallback]
public sealed class ConvertToJsonCommand : SimulatorCmdlet
{
    private readonly List<object?> _input = [];
    private bool _truncated;

    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    [ValidateRange(0, 100)]
    public int Depth { get; set; } = 2;

    [Parameter]
    public SwitchParameter Compress { get; set; }

    [Parameter]
    public SwitchParameter EnumsAsStrings { get; set; }

    [Parameter]
    public SwitchParameter AsArray { get; set; }

    protected override void Execute() => _input.Add(InputObject);

    protected override void EndProcessing()
    {
        if (_input.Count == 0)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = !Compress, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, _input.Count > 1 || AsArray ? _input : _input[0], 0);
        }

        if (_truncated)
        {
            WriteWarning(string.Create(CultureInfo.InvariantCulture, $"Resulting JSON is truncated as serialization has exceeded the set depth of {Depth}."));
        }

        WriteObject(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        var unwrapped = value is PSObject ps ? ps.BaseObject : value;
        switch (unwrapped)
        {
            case null or DBNull:
                writer.WriteNullValue();
                return;
            case string or char or Guid or Uri:
                writer.WriteStringValue(unwrapped.ToString());
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case Enum e:
                if (EnumsAsStrings)
                {
                    writer.WriteStringValue(e.ToString());
                }
                else
                {
                    writer.WriteNumberValue(Convert.ToInt64(e, CultureInfo.InvariantCulture));
                }

                return;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(unwrapped, CultureInfo.InvariantCulture));
                return;
            case ulong big:
                writer.WriteNumberValue(big);
                return;
            case float or double or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(unwrapped, CultureInfo.InvariantCulture));
                return;
            case DateTime time:
                writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset offset:
                writer.WriteStringValue(offset.ToString("o", CultureInfo.InvariantCulture));
                return;
        }

        if (depth > Depth)
        {
            _truncated = true;
            // PSObject's ToString gives PowerShell's text for the object (@{v=1} for a custom object).
            writer.WriteStringValue(PSObject.AsPSObject(value).ToString());
            return;
        }

        switch (unwrapped)
        {
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(entry.Key.ToString() ?? "");
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    // Array elements sit at the array's own depth, as in PowerShell.
                    Write(writer, item, depth);
                }

                writer.WriteEndArray();
                return;
        }

        writer.WriteStartObject();
        foreach (var property in PSObject.AsPSObject(value).Properties.Where(p => p.IsGettable))
        {
            writer.WritePropertyName(property.Name);
            Write(writer, SafeValue(property), depth + 1);
        }

        writer.WriteEndObject();
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
