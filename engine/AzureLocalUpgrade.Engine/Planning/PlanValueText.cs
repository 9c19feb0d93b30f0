using AzureLocalUpgrade.Engine.Text;
using System.Globalization;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>How a bound value prints in a plan: invariant culture, durations as 5m, secrets as ***.</summary>
public static class PlanValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        SecretValue => SecretValue.Mask,
        bool flag => flag ? "true" : "false",
        TimeSpan duration => DurationParser.Format(duration),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The value as a plan keeps it typed (JSON): numbers and bools stay so, durations and secrets become text.</summary>
    public static object? Typed(object? value) => value switch
    {
        null or bool or long or int or string => value,
        _ => Format(value),
    };
}
