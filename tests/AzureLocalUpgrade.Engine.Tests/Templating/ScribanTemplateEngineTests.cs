using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.Templating;

public sealed class ScribanTemplateEngineTests
{
    private static readonly TemplateScope Scope = new(
        new Dictionary<string, object?> { ["wuConnected"] = true, ["ratio"] = 1.5 },
        new Dictionary<string, object?>(),
        TestCluster.WithNodes(2),
        null,
        0);

    [Theory]
    [InlineData("{{ cluster.name | string.upcase }}", "HCI01")]
    [InlineData("{{ params.ratio }}", "1.5")]
    [InlineData("{{ cluster.node_count * 2 }} nodes", "4 nodes")]
    [InlineData("plain text", "plain text")]
    public void Render_ShouldUseBuiltinsAndTheInvariantCulture(string template, string expected)
    {
        new ScribanTemplateEngine().Render(EmbeddedText.Synthetic(template), Scope, new DiagnosticBag()).Should().Be(expected);
    }

    [Theory]
    [InlineData("params.wuConnected", true)]
    [InlineData("{{ params.wuConnected }}", true)]
    [InlineData("!params.wuConnected", false)]
    [InlineData("cluster.node_count > 3", false)]
    [InlineData("{{ cluster.identity == 'SystemAssigned' }}", true)]
    public void Evaluate_ShouldAcceptConditionsWithOrWithoutBraces(string condition, bool expected)
    {
        new ScribanTemplateEngine().Evaluate(EmbeddedText.Synthetic(condition), Scope, new DiagnosticBag()).Should().Be(expected);
    }

    [Theory]
    [InlineData("{{ params.nope }}")]
    [InlineData("{{ nope }}")]
    [InlineData("{{ node.name }}")]
    [InlineData("{{ cluster.name ")]
    [InlineData("{{ 1 + }}")]
    public void Render_BadTemplate_ShouldReportADiagnosticAndReturnNull(string template)
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new ScribanTemplateEngine().Render(new EmbeddedText(template, SourceSpan.At("rb.yaml", 3, 11), 3, 11, false), Scope, diagnostics);

        rendered.Should().BeNull();
        diagnostics.Items.Should().ContainSingle().Which.Span.File.Should().Be("rb.yaml");
    }
}
