using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>
/// One script of a shipped runbook or fragment, exactly as the loader reads it, run in a simulated session with
/// the values the executor binds ($ClusterName, $Nodes, $Node, $Params, $Inputs), so a test can show what the
/// shipped check decides on a simulated cluster.
/// </summary>
internal sealed record ShippedStepScript(string Origin, string Text)
{
    /// <summary>The work/check/wait script (or, with <paramref name="skipIf"/>, the guard) of step <paramref name="stepId"/> in the file (relative to runbooks/).</summary>
    public static ShippedStepScript Of(string file, string stepId, bool skipIf = false)
    {
        var full = Path.GetFullPath(Path.Combine(ShippedRunbooks.Folder, file));
        var document = ShippedRunbooks.Documents().Single(d => Path.GetFullPath(d.FilePath) == full);
        var step = StepTraversal.Walk(document.Steps).Select(v => v.Step).Single(s => s.Id == stepId);
        var text = skipIf ? step.SkipIf!.Value : step.WorkScript!.Script.Value;
        return new($"{file} {stepId}", text);
    }

    public Collection<PSObject> RunOn(SimulatorHarness sim, string? node, IDictionary? parameters = null, IDictionary? inputs = null)
    {
        var runspace = sim.Open(node);
        runspace.SessionStateProxy.SetVariable("ClusterName", sim.Inventory.Name);
        runspace.SessionStateProxy.SetVariable("Nodes", sim.Inventory.Nodes.Select(n => n.Name).ToArray());
        runspace.SessionStateProxy.SetVariable("Node", node);
        runspace.SessionStateProxy.SetVariable("Params", parameters ?? new Hashtable());
        runspace.SessionStateProxy.SetVariable("Inputs", inputs ?? new Hashtable());
        return SimulatorHarness.Run(runspace, Text);
    }

    /// <summary>What a check decides: its script's output is true.</summary>
    public bool Passes(SimulatorHarness sim, string? node, IDictionary? parameters = null, IDictionary? inputs = null) =>
        LanguagePrimitives.IsTrue(RunOn(sim, node, parameters, inputs).LastOrDefault()?.BaseObject);
}
