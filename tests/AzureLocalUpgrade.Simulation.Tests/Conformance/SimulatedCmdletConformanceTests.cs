using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>
/// Issue 10, section 4: Microsoft's reference is the contract, the twin is not. Every cmdlet the simulator defines
/// must have a catalog entry (schemas/cmdlets/) and declare its parameters, aliases, accepted values, parameter
/// sets, mandatory flags, positions and output types as the catalogued reference does; it may model a subset of
/// the parameters and outputs, never something the real cmdlet does not have.
/// </summary>
public sealed class SimulatedCmdletConformanceTests
{
    public static TheoryData<string> SimulatedCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var name in SimulatedCmdlet.Types.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void TheSimulator_ShouldDefineCmdlets()
    {
        SimulatedCmdlets().Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SimulatedCmdlets))]
    public void SimulatedCmdlet_ShouldHaveACatalogEntry(string cmdlet)
    {
        CmdletCatalog.All.Should().ContainKey(cmdlet, "{0} is simulated, so Microsoft's reference for it belongs in schemas/cmdlets/", cmdlet);
    }

    [Theory]
    [MemberData(nameof(SimulatedCmdlets))]
    public void SimulatedCmdlet_ShouldDeclareItsSurfaceAsTheReferenceDoes(string cmdlet)
    {
        if (!CmdletCatalog.All.TryGetValue(cmdlet, out var catalogued))
        {
            Assert.Fail($"{cmdlet}: no catalog entry in schemas/cmdlets/ to compare with");
            return;
        }

        var differences = SurfaceComparison.Differences(SimulatedCmdlet.Read(cmdlet), catalogued).ToList();

        differences.Should().BeEmpty("{0} must match Microsoft's reference ({1})", cmdlet, catalogued.Citation);
    }

    [Fact]
    public void EveryCommandTheRunbooksCall_ShouldHaveACatalogEntry()
    {
        var called = ShippedRunbooks.Scripts(ShippedRunbooks.Documents())
            .SelectMany(s => ShippedRunbooks.CommandNames(s.Script).Select(name => (Name: name, s.Origin)))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase);

        var uncatalogued = called.Where(g => !CmdletCatalog.All.ContainsKey(g.Key)).Select(g => $"{g.Key} (first used in {g.First().Origin})");

        uncatalogued.Should().BeEmpty("every command a shipped runbook calls is described from Microsoft's reference in schemas/cmdlets/");
    }
}
