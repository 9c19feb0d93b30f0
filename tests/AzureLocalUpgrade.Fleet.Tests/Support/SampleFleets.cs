using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Planning;

namespace AzureLocalUpgrade.Fleet.Tests.Support;

/// <summary>The shipped sample fleets, planned from a fixed start so their plans can be compared byte for byte.</summary>
internal static class SampleFleets
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<FleetPlan> Retail = new(() => Plan("retail-120.yaml"));

    /// <summary>retail-120 planned once for the tests that only read its plan (planning it takes seconds).</summary>
    public static FleetPlan Retail120 => Retail.Value;

    public static FleetPlan Plan(string fleetFile, string? fleetsFolder = null)
    {
        var bag = new DiagnosticBag();
        var fleet = FleetLoader.Load(Path.Combine(fleetsFolder ?? RepositoryPaths.Fleets, fleetFile), bag);
        var plan = fleet is null ? null : new FleetPlanner(RepositoryPaths.Runbooks).Plan(fleet, Start, bag);
        bag.Items.Select(d => d.ToString()).Should().BeEmpty();
        return plan!;
    }
}
