using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>
/// The reason a pruned step carries: its condition as written, without the blank space around it, and inside a pruned
/// group the group's condition (the one that decided), whatever the step's own says. A unit with nothing in it (an
/// empty group, a forEach over no nodes) passes its dependencies through like a pruned one.
/// </summary>
public sealed class StepGraphCompilerPassThroughTests
{
    [Fact]
    public void A_skip_reason_quotes_the_condition_without_the_blank_space_around_it()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("a").When("  cluster.stretch\n")));

        graph.Step("a").SkippedReason.Should().Be("when: cluster.stretch");
    }

    [Fact]
    public void A_step_inside_a_pruned_group_carries_the_groups_reason_not_its_own()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("stretch-only", PowerShell("a").When("false")).When("cluster.stretch")));

        graph.Step("stretch-only/a").SkippedReason.Should().Be("when: cluster.stretch");
    }

    [Fact]
    public void An_empty_group_passes_its_dependencies_through()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("before"), Group("nothing-yet"), PowerShell("after")));

        graph.Step("after").Needs.Should().Equal("before");
    }

    [Fact]
    public void A_forEach_over_a_cluster_without_nodes_passes_its_dependencies_through()
    {
        var graph = TestCompiler.Compile(
            TestRunbooks.Of(PowerShell("before"), ForEachNode("update", Strategy.Default, PowerShell("work")), PowerShell("after")), nodes: 0);

        graph.Step("after").Needs.Should().Equal("before");
        graph.Group("update").InstanceIds.Should().BeEmpty();
    }
}
