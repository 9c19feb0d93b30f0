using System.Text.Json;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Saved parameter values (a plan's <c>parameters</c>, a run's pinned parameters.json) back into <c>name=value</c>
/// arguments for the binder, so they are checked exactly like values typed on the command line. Secrets are never
/// saved, so they are left out and must be supplied again.
/// </summary>
public static class ParameterArguments
{
    public static List<string> FromJson(JsonElement parameters, IReadOnlySet<string> secrets) =>
        parameters.EnumerateObject()
            .Where(p => !secrets.Contains(p.Name))
            .Select(p => $"{p.Name}={Text(p.Value)}")
            .ToList();

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
