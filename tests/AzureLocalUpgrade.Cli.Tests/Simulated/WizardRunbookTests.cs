using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// The WAC runbook hands the feature update to a person in the Windows Admin Center wizard (a gate). On the
/// simulator nobody clicks the wizard, so the install gate's rehearse: script plays that part after approval; on a
/// real cluster the compiled plan carries no rehearsal at all.
/// </summary>
public sealed class WizardRunbookTests
{
    private const string InstallGate = "wizard/install";

    [Fact]
    public async Task On_the_simulator_the_install_gate_is_rehearsed_right_after_its_approval()
    {
        using var state = new TempStateDirectory();

        var (run, _) = await SimulatedRun.Of(state, new ShippedRunbook(ShippedRunbook.WizardRunbook));

        run.ExitCode.Should().Be(0, run.Error);
        var types = JournalOf(state).Where(r => r.StepId == InstallGate).Select(r => r.Type).ToList();
        types.Should().ContainInOrder("gate-approved", "gate-rehearsal", "step-finished");
        JournalOf(state).Single(r => r.Type == "gate-rehearsal" && r.StepId == InstallGate).Outcome.Should().Be("succeeded");
    }

    [Fact]
    public async Task The_run_report_says_the_install_gate_was_rehearsed()
    {
        using var state = new TempStateDirectory();

        await SimulatedRun.Of(state, new ShippedRunbook(ShippedRunbook.WizardRunbook));

        var report = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(state.Path, "runs"), "report.md", SearchOption.AllDirectories).Single());
        report.Should().MatchRegex($@"`{InstallGate}` \| orchestrator \| Succeeded \|.*rehearsal ran \(simulated cluster\)");
    }

    [Fact]
    public async Task A_plan_for_a_real_cluster_carries_no_rehearsal()
    {
        using var state = new TempStateDirectory();
        var inventory = RealInventory(state);

        var plan = await CliRun.Of(ShippedRunbook.RepoRoot, "plan", ShippedRunbook.WizardRunbook, "--cluster", inventory, "--format", "json");

        plan.ExitCode.Should().Be(0, plan.Error);
        plan.Out.Should().NotContain("\"rehearsal\"").And.NotContain("Invoke-CauRun -ClusterName $ClusterName -CauPluginName");
    }

    [Fact]
    public async Task A_plan_for_the_simulator_shows_the_rehearsal_under_its_gate()
    {
        var plan = await CliRun.Of(ShippedRunbook.RepoRoot, "plan", ShippedRunbook.WizardRunbook, "--cluster", "samples/clusters/four-node-22h2.yaml");

        plan.ExitCode.Should().Be(0, plan.Error);
        var gate = plan.Out[plan.Out.IndexOf($"- {InstallGate} ", StringComparison.Ordinal)..];
        gate = gate[..gate.IndexOf("\n    - ", StringComparison.Ordinal)];
        gate.Should().Contain("rehearsal (simulated cluster only, after approval): Invoke-CauRun -ClusterName $ClusterName");
    }

    /// <summary>The sample 22H2 cluster as a real (WinRM) inventory; planning never connects to it.</summary>
    private static string RealInventory(TempStateDirectory state)
    {
        var simulated = File.ReadAllText(Path.Combine(ShippedRunbook.RepoRoot, "samples/clusters/four-node-22h2.yaml"));
        var real = simulated.Replace(
            "connection:\n  simulated: true\n",
            "connection:\n  simulated: false\n  transport: winrm\n  credential:\n    userName: CONTOSO\\hciadmin\n    passwordEnv: ALU_HCI04_PASSWORD\n",
            StringComparison.Ordinal);
        real.Should().NotBe(simulated, "the sample's connection block is the one this test rewrites");
        var path = Path.Combine(state.Path, "hci04-real.yaml");
        File.WriteAllText(path, real);
        return path;
    }

    private static IEnumerable<JournalLine> JournalOf(TempStateDirectory state) =>
        File.ReadLines(Directory.EnumerateFiles(Path.Combine(state.Path, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single())
            .Select(l => JsonSerializer.Deserialize<JournalLine>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    private sealed record JournalLine(string Type, string? StepId, string? Outcome);
}
