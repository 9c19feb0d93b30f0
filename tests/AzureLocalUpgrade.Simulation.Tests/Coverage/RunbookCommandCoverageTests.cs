using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Coverage;

/// <summary>
/// The contract of docs/cmdlet-surface.md, checked from the runbooks' side: every command any shipped runbook or
/// fragment calls resolves in a simulated session, so a simulated run never dies of CommandNotFound.
/// </summary>
public sealed class RunbookCommandCoverageTests : IDisposable
{
    /// <summary>The engine's step prelude defines it in every session (PowerShellStepHost), not the simulator.</summary>
    private static readonly string[] EnginePrelude = ["Write-AluLog"];

    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void EveryFragment_ShouldBeImportedBySomeRunbook_SoItsScriptsAreCovered()
    {
        var reached = ShippedRunbooks.Documents().Select(d => Path.GetFullPath(d.FilePath));

        reached.Should().Contain(ShippedRunbooks.FragmentFiles.Select(Path.GetFullPath));
    }

    [Fact]
    public void EveryCommandTheRunbooksCall_ShouldBeAvailableInASimulatedSession()
    {
        var calls = ShippedRunbooks.Scripts(ShippedRunbooks.Documents())
            .SelectMany(s => ShippedRunbooks.CommandNames(s.Script).Select(name => (Name: name, s.Origin)))
            .Where(c => !EnginePrelude.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        calls.Should().NotBeEmpty();
        var session = _sim.Open(node: null);

        var missing = calls
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => !Resolves(session, g.Key))
            .Select(g => $"{g.Key} (first used in {g.First().Origin})");

        missing.Should().BeEmpty("every command a shipped runbook calls must exist in a simulated session");
    }

    private static bool Resolves(System.Management.Automation.Runspaces.Runspace session, string name)
    {
        using var ps = System.Management.Automation.PowerShell.Create(session);
        var found = ps.AddCommand("Get-Command").AddParameter("Name", name).AddParameter("ErrorAction", ActionPreference.SilentlyContinue).Invoke();
        return found.Select(f => f.BaseObject).OfType<CommandInfo>().Any(c => c is not AliasInfo alias || alias.ResolvedCommand is not null);
    }
}
