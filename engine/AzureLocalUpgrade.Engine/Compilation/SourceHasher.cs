using System.Security.Cryptography;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// SHA-256 of every file a graph came from, so a saved plan can refuse to apply after a file changed.
/// Keys are paths relative to the runbook's folder with '/' separators (stable across machines); the inventory is
/// keyed <c>inventory</c>. Documents built in memory (no file) are not hashed.
/// </summary>
public static class SourceHasher
{
    public const string InventoryKey = "inventory";

    public static IReadOnlyDictionary<string, string> Compute(Runbook runbook, ClusterInventory cluster)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(runbook.FilePath) ? "." : runbook.FilePath)) ?? ".";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddDocument(runbook, runbook.FilePath, root, hashes, seen);
        if (TryHash(cluster.FilePath, out var inventoryHash))
        {
            hashes[InventoryKey] = inventoryHash;
        }

        return hashes;
    }

    public static string HashBytes(ReadOnlySpan<byte> bytes) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void AddDocument(Runbook document, string path, string root, SortedDictionary<string, string> hashes, HashSet<string> seen)
    {
        if (!string.IsNullOrEmpty(path) && seen.Add(Path.GetFullPath(path)) && TryHash(path, out var hash))
        {
            hashes[Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/')] = hash;
        }

        foreach (var import in document.Imports)
        {
            if (import.Fragment is not null)
            {
                AddDocument(import.Fragment, import.ResolvedPath, root, hashes, seen);
            }
        }
    }

    private static bool TryHash(string path, out string hash)
    {
        hash = "";
        if (string.IsNullOrEmpty(path) || InputFile.Read(path, InputLimits.YamlDocument) is not { Succeeded: true } read)
        {
            return false;
        }

        hash = HashBytes(read.Bytes!);
        return true;
    }
}
