using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Refuses a saved plan whose sources moved on: every runbook file must still hash as planned, and the inventory too;
/// when the inventory differs, the cluster facts that drifted are named. Checked before compiling, so even an edit
/// that breaks the runbook is reported as "changed since the plan".
/// </summary>
public static class SavedPlanVerifier
{
    public static void Verify(SavedPlan plan, Func<string, string> display, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(bag);
        var runbookFolder = Path.GetDirectoryName(plan.RunbookPath)!;
        foreach (var (key, planned) in plan.SourceHashes.Where(p => p.Key != SourceHasher.InventoryKey))
        {
            var file = Path.GetFullPath(key, runbookFolder);
            VerifyFile(plan, display(file), file, planned, bag);
        }

        if (plan.SourceHashes.TryGetValue(SourceHasher.InventoryKey, out var inventoryHash))
        {
            VerifyInventory(plan, display(plan.InventoryPath), inventoryHash, bag);
        }
    }

    private static void VerifyFile(SavedPlan plan, string shown, string file, string planned, DiagnosticBag bag)
    {
        if (!File.Exists(file))
        {
            bag.Add(RunInputDiagnostics.PlanSourceMissing(plan.PlanPath, shown));
        }
        else if (HashOf(file) is var now && now != planned)
        {
            bag.Add(RunInputDiagnostics.PlanSourceChanged(plan.PlanPath, shown, planned, now));
        }
    }

    private static void VerifyInventory(SavedPlan plan, string shown, string planned, DiagnosticBag bag)
    {
        if (!File.Exists(plan.InventoryPath))
        {
            bag.Add(RunInputDiagnostics.PlanSourceMissing(plan.PlanPath, shown));
            return;
        }

        if (HashOf(plan.InventoryPath) == planned)
        {
            return;
        }

        var loaded = new DiagnosticBag();
        var drift = InventoryLoader.Load(plan.InventoryPath, loaded) is { } inventory
            ? InventoryFingerprint.Of(inventory).DriftFrom(InventoryFingerprint.FromFacts(plan.InventoryFacts))
            : ["the inventory no longer loads"];
        bag.Add(RunInputDiagnostics.PlanInventoryDrift(plan.PlanPath, shown, drift));
        bag.AddRange(loaded.Items);
    }

    // A source that cannot be read through the bounded reader has no hash, so it never matches the plan's.
    private static string HashOf(string file) =>
        InputFile.Read(file, InputLimits.YamlDocument) is { Succeeded: true } read ? SourceHasher.HashBytes(read.Bytes!) : "unreadable";
}
