using AzureLocalUpgrade.Engine.Approvals;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Turns the shared execution options into engine inputs, every problem into a diagnostic (exit 2) before anything
/// touches the cluster: the approval file (bound to the plan hash), the window, the fault scenario.
/// </summary>
public static class RunPreparation
{
    public static RunOptions? Options(ExecutionInput input, StepGraph graph, string? planHash, CliConsole console, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(bag);
        var gates = new HashSet<string>(input.Approve, StringComparer.Ordinal);
        if (gates.Remove("*"))
        {
            // "--approve '*'": every gate of this graph, listed explicitly so the journal names each one.
            gates.UnionWith(graph.Steps.Where(s => s.Kind == StepKind.Manual).Select(s => s.Id));
        }

        var method = "flag";
        var by = Environment.UserName;
        if (input.ApprovalsFile is { } approvalsPath && Approval(console.FullPath(approvalsPath), planHash, bag) is { } approval)
        {
            var manualGates = graph.Steps.Where(s => s.Kind == StepKind.Manual).Select(s => s.Id);
            gates.UnionWith(manualGates.Where(approval.Approves));
            method = approval.Describe();
            by = approval.ApprovedBy;
        }

        var window = input.Window is null ? null : Window(input.Window, input.TimeZone, bag);
        return bag.HasErrors ? null : new RunOptions
        {
            ApprovedGates = gates,
            ApprovalMethod = method,
            ApprovedBy = by,
            Window = window,
            PlanHash = planHash,
        };
    }

    public static FaultScenario? Scenario(string? scenarioFile, CliConsole console, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(bag);
        if (scenarioFile is null)
        {
            return null;
        }

        var loaded = FaultScenario.Load(console.FullPath(scenarioFile));
        bag.AddRange(loaded.Errors.Select(RunInputDiagnostics.ScenarioInvalid));
        return loaded.Succeeded ? loaded.Scenario : null;
    }

    private static ApprovalFile? Approval(string path, string? planHash, DiagnosticBag bag)
    {
        if (!ApprovalFileLoader.TryLoad(path, out var approval, out var error))
        {
            bag.Add(RunInputDiagnostics.ApprovalFileInvalid(error));
            return null;
        }

        if (planHash is null || !string.Equals(approval!.PlanHash, planHash, StringComparison.Ordinal))
        {
            bag.Add(RunInputDiagnostics.ApprovalForAnotherPlan(path, approval!.PlanHash, planHash ?? "(a runbook, not a saved plan)"));
            return null;
        }

        return approval;
    }

    private static MaintenanceWindow? Window(string text, string? timeZone, DiagnosticBag bag)
    {
        if (MaintenanceWindowParser.TryParse(text, timeZone, out var window, out var error))
        {
            return window;
        }

        bag.Add(RunInputDiagnostics.WindowInvalid(text, error));
        return null;
    }
}
