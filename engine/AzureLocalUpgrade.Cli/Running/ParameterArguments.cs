using System.Text.Json;
using AzureLocalUpgrade.Engine.Parameters;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Saved parameter values (a plan's <c>parameters</c>, a run's pinned parameters.json) back into <c>name=value</c>
/// arguments for the binder, so they are checked exactly like values typed on the command line. The format is
/// <see cref="PinnedParameterValues"/>; secrets are never saved, so they are left out and must be supplied again.
/// </summary>
public static class ParameterArguments
{
    public static List<string> FromJson(JsonElement parameters, IReadOnlySet<string> secrets) =>
        PinnedParameterValues.ToArguments(parameters, secrets);
}
