using System.Globalization;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// Binds a fragment call's inputs: the call's <c>with</c> over the import's <c>with</c> over the input's default.
/// Templates are rendered in the caller's scope; a value that is exactly <c>{{ params.x }}</c> or
/// <c>{{ inputs.x }}</c> passes through typed, so a secret stays a secret instead of becoming the text ***.
/// </summary>
internal static partial class FragmentInputBinder
{
    public static IReadOnlyDictionary<string, object?> Bind(
        ImportDefinition import, UseOptions call, Runbook fragment, TemplateScope caller, SourceSpan callSpan,
        ITemplateEngine templates, DiagnosticBag diagnostics)
    {
        var inputs = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in fragment.Parameters)
        {
            var given = call.With.GetValueOrDefault(input.Name) ?? import.With.GetValueOrDefault(input.Name);
            object? value;
            if (given is not null)
            {
                value = Resolve(given, input, caller, templates, diagnostics);
            }
            else if (input.Default is not null)
            {
                value = input.Default;
            }
            else
            {
                if (input.Required)
                {
                    diagnostics.Add(DiagnosticCatalog.MissingFragmentInput(callSpan, call.Alias, input.Name));
                }

                continue;
            }

            inputs[input.Name] = input.Type == ParameterType.Secret && value is string clear ? new SecretValue(clear) : value;
        }

        return inputs;
    }

    private static object? Resolve(TemplateValue given, ParameterDefinition input, TemplateScope caller, ITemplateEngine templates, DiagnosticBag diagnostics)
    {
        if (!given.IsTemplate)
        {
            return given.Literal ?? given.Text.Value;
        }

        var reference = WholeReference().Match(given.Text.Value);
        if (reference.Success)
        {
            var source = reference.Groups["scope"].Value == "params" ? caller.Params : caller.Inputs;
            if (source.TryGetValue(reference.Groups["name"].Value, out var passed))
            {
                return passed;
            }
        }

        var rendered = templates.Render(given.Text, caller, diagnostics);
        return rendered is null ? null : Convert(rendered, input, given.Text.Span, diagnostics);
    }

    private static object? Convert(string text, ParameterDefinition input, SourceSpan span, DiagnosticBag diagnostics)
    {
        switch (input.Type)
        {
            case ParameterType.Bool when bool.TryParse(text, out var flag):
                return flag;
            case ParameterType.Int when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                return number;
            case ParameterType.Duration when DurationParser.TryParse(text, out var duration):
                return duration;
            case ParameterType.Bool or ParameterType.Int or ParameterType.Duration:
                diagnostics.Add(DiagnosticCatalog.FragmentInputNotConvertible(span, input.Name, text, input.Type.ToString().ToLowerInvariant()));
                return null;
            default:
                return text;
        }
    }

    [GeneratedRegex(@"^\s*\{\{\s*(?<scope>params|inputs)\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$")]
    private static partial Regex WholeReference();
}
