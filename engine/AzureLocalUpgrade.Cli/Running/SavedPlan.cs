using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Planning;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// What <c>alu run plan.json</c> needs from a saved plan: its hash (approval files quote it), where its runbook and
/// inventory are, the hashes they had, the cluster facts, and the non-secret parameter values to compile with again.
/// </summary>
/// <param name="SetArgs">The plan's parameter values as <c>name=value</c>, secrets left out (they are never saved).</param>
/// <param name="Sources">The copies of the source files saved inside the plan, by sourceHashes key (empty when none).</param>
public sealed record SavedPlan(
    string PlanPath,
    string Hash,
    string RunbookPath,
    string InventoryPath,
    IReadOnlyDictionary<string, string> SourceHashes,
    IReadOnlyDictionary<string, string> InventoryFacts,
    IReadOnlyList<string> SetArgs,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>True when <paramref name="path"/> looks like a saved plan rather than a runbook.</summary>
    public static bool IsPlanFile(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static SavedPlan? Read(string planPath, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        // The bounded reader and parser: a regular file, at most InputLimits.SavedPlan bytes, nesting at most 64.
        using var document = BoundedJson.Parse(planPath, InputLimits.SavedPlan, bag, out var bytes);
        if (document is null)
        {
            return null;
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.GetString() != "Plan")
            {
                bag.Add(RunInputDiagnostics.PlanUnreadable(planPath, "it is not an alu plan (kind: Plan)"));
                return null;
            }

            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != Plan.CurrentFormatVersion)
            {
                bag.Add(RunInputDiagnostics.PlanUnreadable(planPath, $"plan format version {version} is not supported (this alu reads {Plan.CurrentFormatVersion})"));
                return null;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
            return new SavedPlan(
                planPath,
                PlanFile.Hash(bytes),
                Path.GetFullPath(root.GetProperty("runbook").GetProperty("path").GetString()!, folder),
                Path.GetFullPath(root.GetProperty("cluster").GetProperty("inventoryPath").GetString()!, folder),
                StringMap(root.GetProperty("sourceHashes")),
                StringMap(root.GetProperty("inventoryFingerprint")),
                SetArguments(root),
                root.TryGetProperty(PlanFile.SourcesMember, out var sources) ? StringMap(sources) : new Dictionary<string, string>());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            bag.Add(RunInputDiagnostics.PlanUnreadable(planPath, ex.Message));
            return null;
        }
    }

    private static Dictionary<string, string> StringMap(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);

    private static List<string> SetArguments(JsonElement root)
    {
        var secrets = root.TryGetProperty("secretParameters", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        return ParameterArguments.FromJson(root.GetProperty("parameters"), secrets);
    }
}
