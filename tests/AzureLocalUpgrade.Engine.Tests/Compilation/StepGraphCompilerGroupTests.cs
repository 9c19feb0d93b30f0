using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>
/// Group estimates (a declared estimate is a floor; a forEach parent takes one round per window of nodes), lists with
/// several ends, recovery steps, and the two compile errors of group structure.
/// </summary>
public sealed class StepGraphCompilerGroupTests
{
    [Theory]
    [InlineData("10m", 30)]
    [InlineData("45m", 45)]
    public void A_groups_declared_estimate_is_a_floor_under_its_steps_critical_path(string declared, int minutes)
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("work", PowerShell("a").Takes("10m"), PowerShell("b").Takes("20m")).Takes(declared)));

        graph.Group("work").Estimate.Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData(StrategyMode.Rolling, 1, 4)]
    [InlineData(StrategyMode.Rolling, 2, 2)]
    [InlineData(StrategyMode.Rolling, 3, 2)]
    [InlineData(StrategyMode.Parallel, null, 1)]
    [InlineData(StrategyMode.Parallel, 2, 2)]
    public void A_forEach_parent_takes_one_round_per_window_of_nodes(StrategyMode mode, int? maxConcurrent, int rounds)
    {
        var forEach = ForEachNode("update", new Strategy(mode, maxConcurrent, 0), PowerShell("work").Takes("1h"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(forEach), nodes: 4);

        graph.Group("update").Estimate.Should().Be(TimeSpan.FromHours(rounds));
        graph.Group("update[hci01-n1]").Estimate.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_list_with_two_ends_is_finished_only_when_both_are()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("prep", PowerShell("x"), PowerShell("y").Needs(), PowerShell("z").Needs("x")), PowerShell("after")));

        graph.Step("after").Needs.Should().Equal("prep/y", "prep/z");
    }

    [Fact]
    public void Recovery_steps_are_named_under_their_owner_and_are_not_steps_of_the_graph()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("work", PowerShell("a")).OnFailure(PowerShell("undo"), PowerShell("report"))));

        graph.Group("work").OnFailure.Select(s => s.Id).Should().Equal("work/onFailure/undo", "work/onFailure/report");
        graph.Group("work").OnFailure[1].Needs.Should().Equal("work/onFailure/undo");
        graph.Group("work").OnFailure[0].SourcePath.Should().Be("work/onFailure/undo");
        graph.Steps.Select(s => s.Id).Should().Equal("work/a");
    }

    [Fact]
    public void Recovery_steps_of_a_pruned_group_are_not_pruned_with_it()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("work", PowerShell("a")).When("false").OnFailure(PowerShell("undo"))));

        graph.Step("work/a").SkippedReason.Should().Be("when: false");
        graph.Group("work").OnFailure.Single().SkippedReason.Should().BeNull();
    }

    [Fact]
    public void A_pruned_forEach_passes_its_dependencies_through_to_the_step_after_it()
    {
        var forEach = ForEachNode("update", new Strategy(StrategyMode.Rolling, 1, 0), PowerShell("work")).When("false");

        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("before"), forEach, PowerShell("after")), nodes: 3);

        graph.Step("after").Needs.Should().Equal("before");
        graph.Steps.Where(s => s.Id.StartsWith("update[", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyContain(s => s.SkippedReason == "when: false");
    }

    [Fact]
    public void A_forEach_inside_a_forEach_is_an_error_named_for_each_outer_node()
    {
        var inner = ForEachNode("inner", Strategy.Default, PowerShell("work"));

        var (graph, diagnostics) = TestCompiler.TryCompile(TestRunbooks.Of(ForEachNode("outer", Strategy.Default, inner)));

        graph.Should().BeNull();
        diagnostics.Where(d => d.Code == DiagnosticCodes.ForEachInsideForEach).Select(d => d.Message)
            .Should().HaveCount(4).And.Contain(m => m.Contains("'outer[hci01-n1]/inner'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_use_of_an_alias_nobody_imported_is_an_error_naming_it()
    {
        var (graph, diagnostics) = TestCompiler.TryCompile(TestRunbooks.Of(PowerShell("before"), Use("call", "missing"), PowerShell("after")));

        graph.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownUseAlias).Which.Message.Should().Contain("'use: missing'");
    }
}
