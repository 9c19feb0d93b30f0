using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// The front half of <c>alu fleet run</c> and <c>alu fleet start</c>: load the fleet file, plan it (the same plan
/// <c>alu fleet plan</c> shows), check the stages named for approval ahead of time, and turn the plan into the run's
/// seed. Bad input: diagnostics, null (exit 2), nothing recorded or started.
/// </summary>
internal static class FleetSubmission
{
    /// <summary>
    /// The soak clock of an all-simulated fleet: virtual time, so a soak takes no wall time (nothing of the fleet
    /// runs while a stage soaks, and the simulated clusters' own waits already run on their virtual clocks).
    /// </summary>
    public const double SimulatedTimeScale = FleetRunSeed.VirtualTime;

    public static FleetRunSeed? Prepare(string fleetFile, string? runbooksFolder, double? timeScale, CliConsole console, OutputFormat format, IReadOnlyList<string>? approve = null)
    {
        var renderer = new DiagnosticRenderer(console);
        var folder = runbooksFolder is { } given ? console.FullPath(given) : RunbooksFolderLocator.Find(console.WorkingDirectory, AppContext.BaseDirectory);
        if (folder is null || !Directory.Exists(folder))
        {
            FleetStoreAccess.Render(console, format, FleetRunCodes.RunbookNotFound, "no runbooks folder found", "Pass --runbooks DIR, or run alu from the repository or beside a runbooks folder.");
            return null;
        }

        var bag = new DiagnosticBag();
        var path = console.FullPath(fleetFile);
        var fleet = FleetLoader.Load(path, bag);
        var plan = fleet is null ? null : new FleetPlanner(folder, CliRunbookValidation.ParseCache).Plan(fleet, DateTimeOffset.UtcNow, bag);
        if (fleet is not null && approve is { Count: > 0 })
        {
            // Reported at the fleet file's first stage: the list the names are looked up in.
            var stageList = fleet.Stages.Count > 0 ? fleet.Stages[0].Span : Engine.Text.SourceSpan.None;
            bag.AddRange(FleetStageNames.Unknown("--approve", approve, [.. fleet.Stages.Select(s => s.Name)], fleet.Name, stageList, allowEvery: true));
        }

        if (fleet is null || plan is null || bag.HasErrors)
        {
            renderer.Render(bag.Sorted(), format);
            return null;
        }

        renderer.Render(bag.Sorted(), OutputFormat.Text);
        var simulated = fleet.Clusters.All(c => c.Inventory?.Connection.Simulated == true);
        return FleetSeedBuilder.FromPlan(plan, path, folder, timeScale ?? (simulated ? SimulatedTimeScale : 1));
    }
}
