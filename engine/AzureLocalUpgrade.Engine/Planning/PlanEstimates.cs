namespace AzureLocalUpgrade.Engine.Planning;

/// <param name="CriticalPath">The window the run needs: the longest chain of dependent steps by estimate.</param>
/// <param name="CriticalPathSteps">The ids on that chain, first to last.</param>
/// <param name="SerialWork">The sum of every step's estimate, as if nothing ran in parallel.</param>
/// <param name="DefaultedEstimates">Steps whose estimate is a per-kind default, not written in the runbook.</param>
public sealed record PlanEstimates(TimeSpan CriticalPath, IReadOnlyList<string> CriticalPathSteps, TimeSpan SerialWork, int DefaultedEstimates);
