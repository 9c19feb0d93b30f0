using System.Globalization;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Parameters;

/// <summary>
/// Turns parameter text (from --set, a params file or a declared default) into its typed value and checks
/// enum and pattern. Shared by the reader (defaults) and the binder (values) so both agree exactly.
/// </summary>
public static class ParameterValueConverter
{
    // A pattern is user input; a catastrophic one must not hang validation.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static (object? Value, ParameterValueProblem Problem) Check(ParameterDefinition definition, string text)
    {
        if (!TryConvert(definition.Type, text, out var value))
        {
            return (null, ParameterValueProblem.WrongType);
        }

        var canonical = Canonical(value);
        if (definition.Enum.Count > 0 && !definition.Enum.Contains(canonical, StringComparer.Ordinal))
        {
            return (value, ParameterValueProblem.NotInEnum);
        }

        if (definition.Pattern is { } pattern && !Matches(pattern, text))
        {
            return (value, ParameterValueProblem.PatternMismatch);
        }

        return (value, ParameterValueProblem.None);
    }

    public static bool TryConvert(ParameterType type, string text, out object? value)
    {
        value = null;
        switch (type)
        {
            case ParameterType.Int when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case ParameterType.Bool when bool.TryParse(text.Trim(), out var flag):
                value = flag;
                return true;
            case ParameterType.Duration when DurationParser.TryParse(text, out var duration):
                value = duration;
                return true;
            case ParameterType.String or ParameterType.Path:
                value = text;
                return true;
            case ParameterType.Secret:
                value = new SecretValue(text);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The lower-case name used in runbooks: string, int, bool, duration, path, secret.</summary>
    public static string TypeName(ParameterType type) => type.ToString().ToLowerInvariant();

    /// <summary>How a value is compared with <c>enum</c> entries, which are written as YAML text.</summary>
    public static string Canonical(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        TimeSpan duration => DurationParser.Format(duration),
        SecretValue secret => secret.Reveal(),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // An invalid pattern matches nothing, so the author sees the value refused and looks at the pattern.
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
