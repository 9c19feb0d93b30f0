using System.Text;
using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The copies of a plan's source files that travel inside a saved plan: collected when the plan is saved, and
/// written back out when the plan is applied somewhere its original files are not (a scheduler's /etc/alu/hci01/).
/// Every copy must hash to the plan's sourceHashes, which the plan hash covers, so a copy cannot be edited unnoticed.
/// </summary>
public static class PlanSources
{
    /// <summary>Reads each file the plan was compiled from; null when one changed while the plan was being made.</summary>
    public static IReadOnlyDictionary<string, string>? Collect(IReadOnlyDictionary<string, string> sourceHashes, string runbookPath, string inventoryPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(runbookPath))!;
        var copies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, hash) in sourceHashes)
        {
            var file = key == SourceHasher.InventoryKey ? inventoryPath : Path.GetFullPath(key, folder);
            var bytes = File.ReadAllBytes(file);
            if (SourceHasher.HashBytes(bytes) != hash)
            {
                return null;
            }

            copies[key] = Encoding.UTF8.GetString(bytes);
        }

        return copies;
    }

    /// <summary>
    /// Writes the copies under <paramref name="folder"/>, keeping their relative layout (fragments beside or above
    /// the runbook), and returns the runbook's and the inventory's paths there. Refuses copies whose bytes do not
    /// hash as planned, and keys that would leave the folder.
    /// </summary>
    public static (string Runbook, string Inventory)? Materialize(
        SavedPlan plan, string folder, DiagnosticBag bag)
    {
        var runbookKeys = plan.SourceHashes.Keys.Where(k => k != SourceHasher.InventoryKey).ToList();
        if (runbookKeys.Any(k => !plan.Sources.ContainsKey(k)) || !plan.Sources.ContainsKey(SourceHasher.InventoryKey))
        {
            return null;
        }

        // Fragments may sit above the runbook (../fragments/x.yaml): put the runbook deep enough for every one to fit.
        var depth = runbookKeys.Select(UpLevels).DefaultIfEmpty(0).Max();
        var root = Path.GetFullPath(folder);
        var runbookFolder = Path.Combine([root, .. Enumerable.Repeat("up", depth), "runbook"]);
        var runbookName = Path.GetFileName(plan.RunbookPath);
        foreach (var key in runbookKeys)
        {
            var target = Path.GetFullPath(key, runbookFolder);
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !Write(plan, key, target))
            {
                bag.Add(RunInputDiagnostics.PlanUnreadable(plan.PlanPath, $"its copy of {key} is not the file it was planned with"));
                return null;
            }
        }

        var inventory = Path.Combine(root, "inventory", Path.GetFileName(plan.InventoryPath));
        if (!Write(plan, SourceHasher.InventoryKey, inventory))
        {
            bag.Add(RunInputDiagnostics.PlanUnreadable(plan.PlanPath, "its copy of the inventory is not the file it was planned with"));
            return null;
        }

        return (Path.Combine(runbookFolder, runbookName), inventory);
    }

    private static bool Write(SavedPlan plan, string key, string target)
    {
        var bytes = Encoding.UTF8.GetBytes(plan.Sources[key]);
        if (SourceHasher.HashBytes(bytes) != plan.SourceHashes[key])
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return true;
    }

    private static int UpLevels(string key)
    {
        var levels = 0;
        var lowest = 0;
        foreach (var part in key.Split('/', '\\'))
        {
            levels += part == ".." ? -1 : part is "." or "" ? 0 : 1;
            lowest = Math.Min(lowest, levels);
        }

        return -lowest;
    }
}
