using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The front half of every command that needs a graph (plan, run, resume): load and validate the runbook, load the
/// inventory, bind parameter values, compile. Every problem lands in the bag; null means "report and exit 2".
/// </summary>
public static class RunbookCompilation
{
    /// <param name="runbookPath">Absolute path of the runbook.</param>
    /// <param name="clusterPath">Absolute path of the cluster inventory.</param>
    /// <param name="setArgs">name=value pairs (<c>--set</c>), winning over <paramref name="paramsFile"/>.</param>
    public static StepGraph? Compile(string runbookPath, string clusterPath, IReadOnlyList<string> setArgs, string? paramsFile, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        var validation = CliRunbookValidation.LoadAndValidate(runbookPath);
        bag.AddRange(validation.Diagnostics);
        var cluster = InventoryLoader.Load(clusterPath, bag);
        PhaseTimings.Mark("inventory");
        if (validation.ValidRunbook is not { } runbook || cluster is null || bag.HasErrors)
        {
            return null;
        }

        var parameters = ParameterBinder.Bind(runbook, setArgs, paramsFile, bag, cluster);
        var graph = bag.HasErrors ? null : new StepGraphCompiler().Compile(runbook, parameters, cluster, bag);
        PhaseTimings.Mark("bind + compile");
        return graph;
    }
}
