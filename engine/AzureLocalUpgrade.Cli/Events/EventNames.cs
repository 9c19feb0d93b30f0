using System.Globalization;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// The spellings every sink shares, so a grep for <c>step-finished</c> finds the same event in the JSON stream,
/// the plain log and the journal.
/// </summary>
internal static class EventNames
{
    public static string Kind(RunEventKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static string Status(StepStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <summary>ISO-8601 in UTC with milliseconds: sorts as text and parses everywhere.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
}
