using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>Compiled ids are readable paths: group/child, group[node]/child, call/fragment-step, x/onFailure/y.</summary>
public sealed class StepGraphCompilerIdTests
{
    [Fact]
    public void Compile_NestedGroup_ShouldPrefixChildIdsWithGroupId()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Group("prerequisites", PowerShell("stamp-absent"), PowerShell("cau-role"))));

        graph.Steps.Select(s => s.Id).Should().Equal("prerequisites/stamp-absent", "prerequisites/cau-role");
        graph.Steps.Should().OnlyContain(s => s.GroupId == "prerequisites");
    }

    [Fact]
    public void Compile_ForEachNode_ShouldExpandOncePerNodeInInventoryOrder()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(ForEachNode("rolling-update", Strategy.Default, PowerShell("drain"), PowerShell("resume"))), nodes: 3);

        graph.Steps.Select(s => s.Id).Should().Equal(
            "rolling-update[hci01-n1]/drain", "rolling-update[hci01-n1]/resume",
            "rolling-update[hci01-n2]/drain", "rolling-update[hci01-n2]/resume",
            "rolling-update[hci01-n3]/drain", "rolling-update[hci01-n3]/resume");
        graph.Group("rolling-update").InstanceIds.Should().Equal("rolling-update[hci01-n1]", "rolling-update[hci01-n2]", "rolling-update[hci01-n3]");
        graph.Group("rolling-update[hci01-n2]").Node.Should().Be("hci01-n2");
        graph.Step("rolling-update[hci01-n2]/drain").SourcePath.Should().Be("rolling-update/drain");
    }

    [Fact]
    public void Compile_FragmentCall_ShouldPrefixFragmentStepsWithCallingStepId()
    {
        var fragment = TestRunbooks.Fragment([], PowerShell("refs-metadata-validation"));
        var runbook = TestRunbooks.With([TestRunbooks.Import("registry-keys", fragment)], Use("registry", "registry-keys"));

        var graph = TestCompiler.Compile(runbook);

        graph.Steps.Select(s => s.Id).Should().Equal("registry/refs-metadata-validation");
        graph.Group("registry").StepIds.Should().Equal("registry/refs-metadata-validation");
    }

    [Fact]
    public void Compile_OnFailureOfForEachGroup_ShouldCompileRecoveryPerNodeInstance()
    {
        var group = ForEachNode("rolling-update", Strategy.Default, PowerShell("drain")).OnFailure(PowerShell("resume-anyway"));

        var graph = TestCompiler.Compile(TestRunbooks.Of(group), nodes: 2);

        graph.Group("rolling-update[hci01-n2]").OnFailure.Select(s => s.Id).Should().Equal("rolling-update[hci01-n2]/onFailure/resume-anyway");
        graph.Group("rolling-update[hci01-n2]").OnFailure[0].Target.Node.Should().Be("hci01-n2");
        graph.Steps.Should().NotContain(s => s.Id.Contains("onFailure", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_OnFailureOfStep_ShouldBeAttachedToTheStep()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("raise-level").OnFailure(PowerShell("report"), PowerShell("notify"))));

        var recovery = graph.Step("raise-level").OnFailure;
        recovery.Select(s => s.Id).Should().Equal("raise-level/onFailure/report", "raise-level/onFailure/notify");
        recovery[1].Needs.Should().Equal("raise-level/onFailure/report");
    }
}
