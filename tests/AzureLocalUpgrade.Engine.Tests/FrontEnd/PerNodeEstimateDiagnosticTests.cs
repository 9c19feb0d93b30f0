using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// ALU2018's words (the corpus case pins its code and positions): a per-node estimate on a group or a fragment call
/// is refused naming the step and what it is, with a hint saying where the estimate goes instead.
/// </summary>
public sealed class PerNodeEstimateDiagnosticTests
{
    private static readonly IReadOnlyList<Diagnostic> Diagnostics =
        RunbookValidation.LoadAndValidate(TestData.Invalid("alu2018-per-node-estimate-not-for-kind.yaml"), LoadLimits.Default).Diagnostics
            .Where(d => d.Code == DiagnosticCodes.PerNodeEstimateNotForKind).ToList();

    [Theory]
    [InlineData("update", "a group")]
    [InlineData("stage", "a fragment call ('use:')")]
    public void A_per_node_estimate_on_a_step_whose_estimate_comes_from_its_steps_is_refused_naming_what_the_step_is(string stepId, string what)
    {
        Diagnostics.Select(d => d.Message).Should().Contain(
            $"'estimatePerNode' belongs to powershell, check, wait and manual steps, but step '{stepId}' is {what}, whose estimate comes from its steps; it would be ignored.");
    }

    [Fact]
    public void The_refusal_says_where_a_per_node_estimate_belongs_instead()
    {
        Diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Severity == Severity.Error && d.Hint ==
            "Put 'estimatePerNode' on the step inside that works through the nodes in turn (a CAU run), or give the group an 'estimate:' " +
            "(a forEach group already grows with the nodes, round by round).");
    }
}
