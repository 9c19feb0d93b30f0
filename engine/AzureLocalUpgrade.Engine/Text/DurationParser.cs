using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Engine.Text;

/// <summary>
/// The duration syntax of runbooks and parameters: number-unit pairs, largest unit first, each unit once
/// (<c>30s</c>, <c>5m</c>, <c>3h</c>, <c>1h30m</c>, <c>2d</c>). The one parser every stage uses.
/// </summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is null ? null : DurationPattern().Match(text.Trim());
        if (match is null || !match.Success || match.Length == 0)
        {
            return false;
        }

        try
        {
            duration = TimeSpan.FromDays(Part(match, "d"))
                + TimeSpan.FromHours(Part(match, "h"))
                + TimeSpan.FromMinutes(Part(match, "m"))
                + TimeSpan.FromSeconds(Part(match, "s"));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The shortest text that parses back to <paramref name="duration"/> (whole seconds).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, duration.Days, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,6})d)?(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,6})m)?(?:(?<s>[0-9]{1,7})s)?$")]
    private static partial Regex DurationPattern();
}
