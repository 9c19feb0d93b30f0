using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Compilation;

/// <summary>Fragment inputs: the call's with over the import's with over the input's default; templates rendered.</summary>
public sealed class StepGraphCompilerFragmentTests
{
    private static readonly Runbook Fragment = TestRunbooks.Fragment(
        [TestRunbooks.Input("target", "23H2"), TestRunbooks.Input("variant", "default"), TestRunbooks.Input("media", "C:\\media")],
        PowerShell("apply"));

    [Theory]
    [InlineData("target", "24H2")]
    [InlineData("variant", "from-import")]
    [InlineData("media", "C:\\media")]
    public void Compile_FragmentInputs_ShouldTakeCallOverImportOverDefault(string input, string expected)
    {
        var import = TestRunbooks.Import("keys", Fragment, ("target", "23H2"), ("variant", "from-import"));
        var runbook = TestRunbooks.With([import], Use("registry", "keys", ("target", "24H2")));

        var graph = TestCompiler.Compile(runbook);

        graph.Step("registry/apply").Inputs[input].Should().Be(expected);
    }

    [Fact]
    public void Compile_TemplateInWith_ShouldBeRenderedInTheCallersScope()
    {
        var runbook = TestRunbooks.With([TestRunbooks.Import("keys", Fragment)],
            ForEachNode("each", Strategy.Default, Use("registry", "keys", ("variant", "{{ node.name }}-{{ cluster.node_count }}"))));

        var graph = TestCompiler.Compile(runbook, nodes: 2);

        graph.Step("each[hci01-n2]/registry/apply").Inputs["variant"].Should().Be("hci01-n2-2");
    }

    [Fact]
    public void Compile_SecretPassedToFragment_ShouldStayASecretValue()
    {
        var fragment = TestRunbooks.Fragment([TestRunbooks.Input("password", null, ParameterType.Secret)], PowerShell("join"));
        var runbook = TestRunbooks.With([TestRunbooks.Import("domain", fragment)], Use("join", "domain", ("password", "{{ params.adminPassword }}")));

        var graph = TestCompiler.Compile(runbook, parameters: new Dictionary<string, object?> { ["adminPassword"] = new SecretValue("P@ssw0rd!") });

        graph.Step("join/join").Inputs["password"].Should().BeOfType<SecretValue>().Which.Reveal().Should().Be("P@ssw0rd!");
    }

    [Fact]
    public void Compile_MissingRequiredInput_ShouldReportALU2005()
    {
        var fragment = TestRunbooks.Fragment([TestRunbooks.Input("target")], PowerShell("apply"));

        var (graph, diagnostics) = TestCompiler.TryCompile(TestRunbooks.With([TestRunbooks.Import("keys", fragment)], Use("registry", "keys")));

        graph.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "ALU2005");
    }

    [Fact]
    public void Compile_StepInsideFragmentWithoutOn_ShouldRunOnTheNodeOfTheCallingForEach()
    {
        var runbook = TestRunbooks.With([TestRunbooks.Import("keys", Fragment)], ForEachNode("each", Strategy.Default, Use("registry", "keys")), Use("once", "keys"));

        var graph = TestCompiler.Compile(runbook, nodes: 2);

        graph.Step("each[hci01-n2]/registry/apply").Target.Should().Be(StepTarget.OnNode("hci01-n2"));
        graph.Step("once/apply").Target.Should().Be(new StepTarget(TargetKind.Cluster, "hci01-n1"));
    }
}
