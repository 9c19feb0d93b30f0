using System.Collections;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// Masks the clear text of every secret of a graph inside free text (error messages, stream summaries):
/// a script that echoes its own password must not put it into the journal or the event stream.
/// </summary>
public sealed class SecretRedactor
{
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();

    public static SecretRedactor For(StepGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var secrets = new List<string>();
        Collect(graph.Parameters.Values, secrets);
        foreach (var step in graph.Steps.Concat(graph.Steps.SelectMany(s => s.OnFailure)).Concat(graph.Groups.SelectMany(g => g.OnFailure)))
        {
            Collect(step.Inputs.Values, secrets);
        }

        return new SecretRedactor(secrets);
    }

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, SecretValue.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A copy of a parameter dictionary safe to write anywhere: secrets become ***.</summary>
    public static IReadOnlyDictionary<string, object?> RedactValues(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.ToDictionary(p => p.Key, p => RedactValue(p.Value), StringComparer.Ordinal);
    }

    private static object? RedactValue(object? value) => value switch
    {
        SecretValue => SecretValue.Mask,
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => RedactValue(p.Value), StringComparer.Ordinal),
        string or null => value,
        IEnumerable items => items.Cast<object?>().Select(RedactValue).ToList(),
        _ => value,
    };

    private static void Collect(IEnumerable<object?> values, List<string> secrets)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case SecretValue secret:
                    secrets.Add(secret.Reveal());
                    break;
                case IDictionary<string, object?> map:
                    Collect(map.Values, secrets);
                    break;
                case string:
                    break;
                case IEnumerable items:
                    Collect(items.Cast<object?>(), secrets);
                    break;
            }
        }
    }
}
