using System.Collections;
using System.Globalization;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Parameters;

/// <summary>
/// The one format for saved parameter values (a run's <c>pinned/parameters.json</c>, a plan's <c>parameters</c>):
/// each value is written as the text a person would pass with <c>--set</c> (durations as <c>4h</c>, never
/// <c>04:00:00</c>; numbers and booleans stay JSON numbers and booleans), and read back into <c>name=value</c>
/// arguments that the binder checks exactly like a command line. Secrets are written as <c>***</c> and never read
/// back: resume asks for them again. Null values and lists (only a declared default can be either) are not read
/// back, so the pinned runbook's own default applies again and is equal by construction.
/// </summary>
public static class PinnedParameterValues
{
    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in values)
            {
                json.WritePropertyName(name);
                Write(json, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary><c>name=value</c> arguments for every saved value that is not a secret, a null or a list.</summary>
    public static List<string> ToArguments(JsonElement parameters, IReadOnlySet<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var arguments = new List<string>();
        foreach (var parameter in parameters.EnumerateObject().Where(p => !secrets.Contains(p.Name)))
        {
            if (Text(parameter.Value) is { } text)
            {
                arguments.Add($"{parameter.Name}={text}");
            }
        }

        return arguments;
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case SecretValue:
                json.WriteStringValue(SecretValue.Mask);
                break;
            case TimeSpan duration:
                json.WriteStringValue(DurationParser.Format(duration));
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case IDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    json.WritePropertyName(key);
                    Write(json, item);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };
}
