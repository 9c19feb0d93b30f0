using TimeZoneConverter;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>
/// Finds a time zone by either kind of id on any system: an IANA name (<c>Europe/Berlin</c>) or a Windows name
/// (<c>W. Europe Standard Time</c>). The runtime alone cannot: alu runs with invariant globalization, which removes
/// the ICU data .NET uses to convert between the two, so a Windows orchestrator's ids failed on Linux and the other
/// way round. TimeZoneConverter carries the CLDR mapping itself.
/// </summary>
public static class TimeZoneResolver
{
    public static bool TryFind(string? id, out TimeZoneInfo zone, out string error)
    {
        error = "";
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        var trimmed = id.Trim();
        try
        {
            if (TZConvert.TryGetTimeZoneInfo(trimmed, out var found))
            {
                zone = found;
                return true;
            }
        }
        catch (InvalidTimeZoneException)
        {
            error = $"the time zone '{Shorten(trimmed)}' is not valid on this machine (its time zone data may be damaged)";
            return false;
        }

        error = $"unknown time zone '{Shorten(trimmed)}' (use an IANA name such as Europe/Berlin, a Windows name such as 'W. Europe Standard Time', or UTC)";
        return false;
    }

    // An id is echoed back in messages; a pasted paragraph should not be.
    private static string Shorten(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
