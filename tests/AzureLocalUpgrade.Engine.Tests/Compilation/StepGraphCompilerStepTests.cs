using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>Per-step facts: rendered text, targets, estimates, determinism.</summary>
public sealed class StepGraphCompilerStepTests
{
    [Fact]
    public void Compile_Name_ShouldBeRenderedWithTheNodeInScope()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(ForEachNode("u", Strategy.Default, PowerShell("drain").Named("Drain {{ node.name }} ({{ node.release }})"))), nodes: 1);

        graph.Step("u[hci01-n1]/drain").DisplayName.Should().Be("Drain hci01-n1 (22H2)");
    }

    [Fact]
    public void Compile_SecretInText_ShouldRenderAsMask()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(Manual("gate", "Log in with {{ params.pw }}")),
            parameters: new Dictionary<string, object?> { ["pw"] = new SecretValue("hunter22") });

        graph.Step("gate").Instructions.Should().Be("Log in with ***");
    }

    [Theory]
    // The orchestrator session, still acting for its node: $Node is bound and change tags name the node.
    [InlineData(TargetKind.Orchestrator, "orchestrator:hci01-n2")]
    [InlineData(TargetKind.Cluster, "cluster:hci01-n1")]
    [InlineData(TargetKind.Node, "node:hci01-n2")]
    public void Compile_ExplicitTargetInsideForEach_ShouldResolveToTheDocumentedTarget(TargetKind on, string expected)
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(ForEachNode("u", Strategy.Default, PowerShell("s", on: on))), nodes: 2);

        var target = graph.Step("u[hci01-n2]/s").Target;
        $"{target.Kind.ToString().ToLowerInvariant()}:{target.Node}".Should().Be(expected);
    }

    [Theory]
    [InlineData(true, "node:hci01-n2")]
    [InlineData(false, "orchestrator:")]
    public void Compile_ManualGate_ShouldTargetItsNodeInsideForEachAndTheOrchestratorElsewhere(bool insideForEach, string expected)
    {
        var runbook = insideForEach
            ? TestRunbooks.Of(ForEachNode("u", Strategy.Default, Manual("gate", "Enable Secure Boot")))
            : TestRunbooks.Of(Manual("gate", "Enable Secure Boot"));
        var graph = TestCompiler.Compile(runbook, nodes: 2);

        var target = graph.Step(insideForEach ? "u[hci01-n2]/gate" : "gate").Target;
        $"{target.Kind.ToString().ToLowerInvariant()}:{target.Node}".Should().Be(expected);
    }

    [Fact]
    public void Compile_StepWithoutEstimate_ShouldUseTheDefaultForItsKind()
    {
        var graph = TestCompiler.Compile(TestRunbooks.Of(PowerShell("p"), Check("c"), Manual("m", "ok"), Wait("w", timeout: "2h"), PowerShell("e").Takes("45m")));

        graph.Steps.Select(s => s.Estimate).Should().Equal(
            DefaultEstimates.PowerShell, DefaultEstimates.Check, DefaultEstimates.Manual, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(45));
        graph.Steps.Select(s => s.HasExplicitEstimate).Should().Equal(false, false, false, false, true);
    }

    [Fact]
    public void Compile_UndefinedTemplateVariable_ShouldReportALU2201AtTheMappedPosition()
    {
        var text = new EmbeddedText("Drain {{ nod.name }}", Text.SourceSpan.At("rb.yaml", 7, 9), 7, 15, false);
        var (graph, diagnostics) = TestCompiler.TryCompile(TestRunbooks.Of(PowerShell("drain") with { Name = text }));

        graph.Should().BeNull();
        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("ALU2201", diagnostic.Message);
        diagnostic.Span.Should().Be(Text.SourceSpan.At("rb.yaml", 7, 24));
    }

    [Fact]
    public void Compile_Twice_ShouldGiveByteIdenticalPlans()
    {
        var runbook = TestRunbooks.Of(PowerShell("a"), ForEachNode("u", new Strategy(StrategyMode.Rolling, 2, 0), PowerShell("x"), Wait("y")), Manual("m", "ok"));
        string Render() => new JsonPlanRenderer().Render(PlanBuilder.Build(TestCompiler.Compile(runbook, nodes: 5), new PlanOrigin("rb.yaml", "c.yaml")));

        Render().Should().Be(Render());
    }
}
