using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// <see cref="SiblingOrder.Resolve"/> once per step list and compilation: a forEach compiles the same lists once per
/// node. Only clean results are kept, so a list with ordering errors reports them every time, exactly as before.
/// </summary>
internal sealed class SiblingOrderCache
{
    // By reference: the lists come from the loaded runbook and are not modified while it compiles.
    private readonly Dictionary<IReadOnlyList<StepDefinition>, IReadOnlyList<(int Index, IReadOnlyList<int> Predecessors)>> _orders =
        new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<(int Index, IReadOnlyList<int> Predecessors)> Resolve(IReadOnlyList<StepDefinition> steps, DiagnosticBag diagnostics)
    {
        if (_orders.TryGetValue(steps, out var cached))
        {
            return cached;
        }

        var local = new DiagnosticBag();
        var order = SiblingOrder.Resolve(steps, local);
        diagnostics.AddRange(local.Items);
        if (local.Items.Count == 0)
        {
            _orders[steps] = order;
        }

        return order;
    }
}
