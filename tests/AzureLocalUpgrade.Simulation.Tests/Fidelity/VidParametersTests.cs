using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// upgrade-22h2-to-24h2-powershell.md (step 0) asks for the Vid\Parameters key and SkipSmallLocalAllocations=0 on every
/// machine before a 22H2 cluster goes to 24H2, as the 23H2 documents do; the shipped check after each node's restart
/// must therefore read that value on the 22H2 to 24H2 path too, and the shipped steps must set it.
/// </summary>
public sealed class VidParametersTests : IDisposable
{
    private const string Fragment = "fragments/registry-keys.yaml";
    private static readonly Hashtable From22H2To24H2 = new() { ["source"] = "22H2", ["target"] = "24H2" };

    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void ShippedValuesCheck_ShouldNotPass_From22H2To24H2_WithoutSkipSmallLocalAllocations()
    {
        ShippedStepScript.Of(Fragment, "refs-metadata-validation").RunOn(_sim, _sim.Node(1), inputs: From22H2To24H2);

        Decides(ShippedStepScript.Of(Fragment, "values-kept")).Should().BeFalse();
    }

    [Fact]
    public void ShippedValuesCheck_ShouldPass_From22H2To24H2_OnceTheShippedStepsSetEveryValue()
    {
        foreach (var step in new[] { "refs-metadata-validation", "vid-parameters-key", "skip-small-local-allocations" })
        {
            ShippedStepScript.Of(Fragment, step).RunOn(_sim, _sim.Node(1), inputs: From22H2To24H2);
        }

        Decides(ShippedStepScript.Of(Fragment, "values-kept")).Should().BeTrue();
    }

    /// <summary>A check that throws (the value is missing and the session stops on errors) fails as a false one does.</summary>
    private bool Decides(ShippedStepScript check)
    {
        try
        {
            return check.Passes(_sim, _sim.Node(1), inputs: From22H2To24H2);
        }
        catch (RuntimeException)
        {
            return false;
        }
    }
}
