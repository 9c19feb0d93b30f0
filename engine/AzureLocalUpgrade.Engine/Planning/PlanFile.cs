using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// A saved plan (<c>alu plan --out plan.json</c>): the json rendering, which holds the source hashes, the inventory
/// fingerprint, the runbook and inventory paths relative to the plan file, and every parameter except secrets.
/// Approval files bind to <see cref="Hash"/> of its bytes.
/// </summary>
public static class PlanFile
{
    /// <summary>"sha256:&lt;lowercase hex&gt;" of the saved bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => SourceHasher.HashBytes(bytes);

    public static byte[] Serialize(Plan plan) => JsonPlanRenderer.RenderBytes(plan);

    /// <summary>Writes the plan and returns the hash an approval file must quote.</summary>
    public static string Save(Plan plan, string path)
    {
        var bytes = Serialize(plan);
        File.WriteAllBytes(path, bytes);
        return Hash(bytes);
    }
}
