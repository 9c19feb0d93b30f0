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

    /// <summary>The solution's own commands (Get-StampInformation) exist only on its nodes; the runbooks call them behind Get-Command.</summary>
    private readonly SimulatorHarness _solution = new(scenario: Samples.Scenario("solution-deployed"));

    public void Dispose()
    {
        _sim.Dispose();
        _solution.Dispose();
    }

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
        var solutionNode = _solution.Open(_solution.Node(1));

        var missing = calls
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => !Resolves(session, g.Key) && !Resolves(solutionNode, g.Key))
            .Select(g => $"{g.Key} (first used in {g.First().Origin})");

        missing.Should().BeEmpty("every command a shipped runbook calls must exist in a simulated session");
    }

    [Fact]
    public void EveryParameterTheRunbooksPass_ShouldExistOnTheSimulatedCommand()
    {
        var session = _sim.Open(node: null);
        var solutionNode = _solution.Open(_solution.Node(1));
        var commands = new Dictionary<string, CommandInfo?>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var (origin, script) in ShippedRunbooks.Scripts(ShippedRunbooks.Documents()))
        {
            foreach (var (name, parameters) in ShippedRunbooks.Calls(script))
            {
                if (EnginePrelude.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!commands.TryGetValue(name, out var command))
                {
                    commands[name] = command = Resolve(session, name) ?? Resolve(solutionNode, name);
                }

                unknown.AddRange(parameters
                    .Where(p => command is not null && !Accepts(command, p))
                    .Select(p => $"{name} -{p} ({origin})"));
            }
        }

        commands.Should().NotBeEmpty();
        unknown.Should().BeEmpty("the simulator's cmdlets must take every parameter the runbooks pass, under its real name");
    }

    /// <summary>PowerShell binds a parameter by its name, an alias, or an unambiguous prefix of either.</summary>
    private static bool Accepts(CommandInfo command, string written)
    {
        var names = command.Parameters.Values.SelectMany(p => p.Aliases.Prepend(p.Name)).ToList();
        return names.Contains(written, StringComparer.OrdinalIgnoreCase)
            || names.Count(n => n.StartsWith(written, StringComparison.OrdinalIgnoreCase)) == 1;
    }

    private static CommandInfo? Resolve(System.Management.Automation.Runspaces.Runspace session, string name)
    {
        using var ps = System.Management.Automation.PowerShell.Create(session);
        var found = ps.AddCommand("Get-Command").AddParameter("Name", name).AddParameter("ErrorAction", ActionPreference.SilentlyContinue).Invoke();
        var command = found.Select(f => f.BaseObject).OfType<CommandInfo>().FirstOrDefault();
        return command is AliasInfo alias ? alias.ResolvedCommand : command;
    }

    private static bool Resolves(System.Management.Automation.Runspaces.Runspace session, string name) => Resolve(session, name) is not null;
}
