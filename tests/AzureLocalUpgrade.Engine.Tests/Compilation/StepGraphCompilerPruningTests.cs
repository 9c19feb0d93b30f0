using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>A false <c>when</c> keeps the step as skipped with its reason, and its dependents inherit its dependencies.</summary>
public sealed class StepGraphCompilerPruningTests
{
    private static readonly Dictionary<string, object?> NoSecureBootApproval = new() { ["approveSecureBoot"] = false };

    [Fact]
    public void Compile_FalseWhen_ShouldKeepStepSkippedWithConditionAsReason()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Manual("secure-boot", "Enable it").When("params.approveSecureBoot")), parameters: NoSecureBootApproval);

        var step = graph.Step("secure-boot");
        step.SkippedReason.Should().Be("when: params.approveSecureBoot");
        step.Certainty.Should().Be(Certainty.Skipped);
        step.Estimate.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Compile_StepAfterPrunedStep_ShouldInheritThePrunedStepsDependencies()
    {
        var runbook = TestRunbooks.Of(PowerShell("a"), PowerShell("b").When("params.approveSecureBoot"), PowerShell("c"));

        var graph = TestCompiler.Compile(runbook, parameters: NoSecureBootApproval);

        graph.Step("c").Needs.Should().Equal("a");
    }

    [Fact]
    public void Compile_PrunedGroup_ShouldSkipEveryStepInsideAndPassItsDependenciesThrough()
    {
        var runbook = TestRunbooks.Of(
            PowerShell("a"),
            ForEachNode("stretch-only", Strategy.Default, PowerShell("site-check")).When("cluster.stretch"),
            PowerShell("c"));

        var graph = TestCompiler.Compile(runbook, nodes: 2);

        graph.Group("stretch-only").SkippedReason.Should().Be("when: cluster.stretch");
        graph.Steps.Where(s => s.Id.StartsWith("stretch-only", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(s => s.SkippedReason == "when: cluster.stretch");
        graph.Step("c").Needs.Should().Equal("a");
    }

    [Theory]
    [InlineData("node.secure_boot", new[] { "u[hci01-n2]/enable" })]
    [InlineData("{{ node.index == 0 }}", new[] { "u[hci01-n2]/enable", "u[hci01-n3]/enable" })]
    [InlineData("node.name != 'hci01-n3' && params.approveSecureBoot == false", new[] { "u[hci01-n3]/enable" })]
    public void Compile_WhenOverNodeFacts_ShouldPruneOnlyTheNodesWhereItIsFalse(string condition, string[] running)
    {
        var runbook = TestRunbooks.Of(ForEachNode("u", Strategy.Default, PowerShell("enable").When(condition)));

        var graph = TestCompiler.Compile(runbook, nodes: 3, parameters: NoSecureBootApproval);

        // TestCluster gives odd-numbered nodes secure boot, so "not secure_boot" is the point of the first case.
        var expected = condition == "node.secure_boot" ? new[] { "u[hci01-n1]/enable", "u[hci01-n3]/enable" } : graph.Steps.Select(s => s.Id).Except(running).ToArray();
        graph.Steps.Where(s => s.SkippedReason is null).Select(s => s.Id).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Compile_ConditionThatIsNotBoolean_ShouldReportALU3002()
    {
        var (graph, diagnostics) = TestCompiler.TryCompile(TestRunbooks.Of(PowerShell("a").When("cluster.name")));

        graph.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "ALU3002");
    }
}
