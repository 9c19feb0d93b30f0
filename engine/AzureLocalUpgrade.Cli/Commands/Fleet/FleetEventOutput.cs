using System.Globalization;
using System.Text;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// Fleet events on stdout: with <c>--log-format json</c> one compact JSON object per line in the shape of the run
/// events (docs/events.md: formatVersion first, kebab-case kind, ISO time, absent rather than null) carrying the
/// fleet id; with text one plain line each.
/// </summary>
internal sealed class FleetEventOutput(TextWriter output, LogFormat format)
{
    public const int FormatVersion = 1;

    public void Write(FleetEvent fleetEvent)
    {
        ArgumentNullException.ThrowIfNull(fleetEvent);
        output.WriteLine(format == LogFormat.Json ? Json(fleetEvent) : Text(fleetEvent));
        output.Flush();
    }

    public static string Json(FleetEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("kind", e.Kind);
            json.WriteString("time", e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("fleetId", e.FleetId);
            json.WriteNumber("sequence", e.Sequence);
            if (e.Cluster is { } cluster)
            {
                json.WriteString("cluster", cluster);
            }

            json.WriteString("message", e.Message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(FleetEvent e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:HH:mm:ss} {e.Kind,-26} {e.Message}");
}
