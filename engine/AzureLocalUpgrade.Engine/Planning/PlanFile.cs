using System.Text.Json;
using System.Text.Json.Nodes;
using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// A saved plan (<c>alu plan --out plan.json</c>): the json rendering, which holds the source hashes, the inventory
/// fingerprint, the runbook and inventory paths relative to the plan file, every parameter except secrets, and a copy
/// of every source file (<c>sources</c>) so the plan still applies after it is moved to another folder or machine.
/// Approval files bind to <see cref="Hash"/>: the plan's content, never where it lies.
/// </summary>
public static class PlanFile
{
    /// <summary>The member holding the copies of the sources: file key (as in sourceHashes) to text.</summary>
    public const string SourcesMember = "sources";

    /// <summary>
    /// "sha256:&lt;hex&gt;" of the plan's content: the saved json with the two location fields (runbook.path and
    /// cluster.inventoryPath) and the source copies left out. Where a plan was saved or moved to does not change it;
    /// the copies are covered by sourceHashes, which is part of it.
    /// </summary>
    public static string Hash(ReadOnlySpan<byte> bytes)
    {
        var root = JsonNode.Parse(bytes) as JsonObject ?? throw new JsonException("a plan is a json object");
        root.Remove(SourcesMember);
        if (root["runbook"] is JsonObject runbook)
        {
            runbook.Remove("path");
        }

        if (root["cluster"] is JsonObject cluster)
        {
            cluster.Remove("inventoryPath");
        }

        return SourceHasher.HashBytes(JsonSerializer.SerializeToUtf8Bytes(root));
    }

    public static byte[] Serialize(Plan plan) => JsonPlanRenderer.RenderBytes(plan);

    /// <summary>Writes the plan with a copy of each source and returns the hash an approval file must quote.</summary>
    public static string Save(Plan plan, string path, IReadOnlyDictionary<string, string> sources)
    {
        var root = JsonNode.Parse(Serialize(plan))!.AsObject();
        var copies = new JsonObject();
        foreach (var (key, text) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            copies[key] = text;
        }

        root[SourcesMember] = copies;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(root, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        File.WriteAllBytes(path, bytes);
        return Hash(bytes);
    }
}
