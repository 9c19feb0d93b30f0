using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>The ordering rule at every level, group edges mapped to leaves, and rolling serialisation.</summary>
public sealed class StepGraphCompilerOrderingTests
{
    [Fact]
    public void Compile_StepsWithoutNeeds_ShouldEachFollowThePreviousSibling()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("a"), PowerShell("b"), PowerShell("c")));

        graph.Step("a").Needs.Should().BeEmpty();
        graph.Step("b").Needs.Should().Equal("a");
        graph.Step("c").Needs.Should().Equal("b");
    }

    [Fact]
    public void Compile_EmptyNeeds_ShouldDependOnNoSibling()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("a"), PowerShell("b").Needs()));

        graph.Step("b").Needs.Should().BeEmpty();
    }

    [Fact]
    public void Compile_ExplicitNeeds_ShouldDependOnExactlyThoseSiblings()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("a"), PowerShell("b").Needs(), PowerShell("c").Needs("a", "b")));

        graph.Step("c").Needs.Should().Equal("a", "b");
    }

    [Fact]
    public void Compile_NeedsOnALaterSibling_ShouldPlaceTheNeededStepFirst()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("report").Needs("collect"), PowerShell("collect").Needs()));

        graph.Steps.Select(s => s.Id).Should().Equal("collect", "report");
    }

    [Fact]
    public void Compile_StepAfterGroup_ShouldDependOnTheGroupsExitLeaves()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("prep", PowerShell("x"), PowerShell("y").Needs()), PowerShell("after")));

        graph.Step("after").Needs.Should().Equal("prep/x", "prep/y");
    }

    [Fact]
    public void Compile_GroupAfterStep_ShouldMakeItsEntryLeavesDependOnThatStep()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("before"), Group("work", PowerShell("x"), PowerShell("y").Needs())));

        graph.Step("work/x").Needs.Should().Equal("before");
        graph.Step("work/y").Needs.Should().Equal("before");
    }

    [Fact]
    public void Compile_RollingOneAtATime_ShouldStartEachNodeAfterThePreviousNodeFinished()
    {
        var rolling = ForEachNode("update", new Strategy(StrategyMode.Rolling, 1, 0), PowerShell("drain"), PowerShell("resume"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("check"), rolling), nodes: 3);

        graph.Step("update[hci01-n1]/drain").Needs.Should().Equal("check");
        graph.Step("update[hci01-n2]/drain").Needs.Should().Equal("check", "update[hci01-n1]/resume");
        graph.Step("update[hci01-n3]/drain").Needs.Should().Equal("check", "update[hci01-n2]/resume");
    }

    [Fact]
    public void Compile_RollingTwoAtATime_ShouldMakeInstanceIDependOnInstanceIMinusTwo()
    {
        var rolling = ForEachNode("update", new Strategy(StrategyMode.Rolling, 2, 0), PowerShell("work"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(rolling, PowerShell("after")), nodes: 4);

        graph.Step("update[hci01-n2]/work").Needs.Should().BeEmpty();
        graph.Step("update[hci01-n3]/work").Needs.Should().Equal("update[hci01-n1]/work");
        graph.Step("update[hci01-n4]/work").Needs.Should().Equal("update[hci01-n2]/work");
        graph.Step("after").Needs.Should().Equal("update[hci01-n3]/work", "update[hci01-n4]/work");
    }

    [Fact]
    public void Compile_ParallelForEach_ShouldAddNoEdgesBetweenNodes()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(ForEachNode("scan", Strategy.Default, PowerShell("work")), PowerShell("after")), nodes: 3);

        graph.Steps.Where(s => s.Id.StartsWith("scan", StringComparison.Ordinal)).Should().OnlyContain(s => s.Needs.Count == 0);
        graph.Step("after").Needs.Should().Equal("scan[hci01-n1]/work", "scan[hci01-n2]/work", "scan[hci01-n3]/work");
    }

    [Fact]
    public void Compile_ParallelForEachWithMaxConcurrentBelowTheNodeCount_ShouldStillAddNoEdgesAndWaitForEveryNode()
    {
        // The executor caps how many run at once; the graph must not chain instances as rolling does.
        var parallel = ForEachNode("scan", new Strategy(StrategyMode.Parallel, 2, 0), PowerShell("work"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(parallel, PowerShell("after")), nodes: 4);

        graph.Steps.Where(s => s.Id.StartsWith("scan", StringComparison.Ordinal)).Should().OnlyContain(s => s.Needs.Count == 0);
        graph.Step("after").Needs.Should().Equal("scan[hci01-n1]/work", "scan[hci01-n2]/work", "scan[hci01-n3]/work", "scan[hci01-n4]/work");
    }

    [Fact]
    public void Compile_RollingWiderThanTheCluster_ShouldAddNoEdgesAndWaitForEveryNode()
    {
        var rolling = ForEachNode("update", new Strategy(StrategyMode.Rolling, 5, 0), PowerShell("work"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(rolling, PowerShell("after")), nodes: 3);

        graph.Steps.Where(s => s.Id.StartsWith("update", StringComparison.Ordinal)).Should().OnlyContain(s => s.Needs.Count == 0);
        graph.Step("after").Needs.Should().Equal("update[hci01-n1]/work", "update[hci01-n2]/work", "update[hci01-n3]/work");
    }

    [Fact]
    public void Compile_Steps_ShouldBeInTopologicalOrder()
    {
        var rolling = ForEachNode("update", new Strategy(StrategyMode.Rolling, 1, 0), PowerShell("a"), Group("inner", PowerShell("b"), PowerShell("c").Needs()));

        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("z").Needs("update"), rolling.Needs()), nodes: 4);

        var position = graph.Steps.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        graph.Steps.Should().OnlyContain(s => s.Needs.All(n => position[n] < position[s.Id]));
    }
}
