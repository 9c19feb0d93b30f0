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

    [Theory]
    [InlineData("Drain {{ node.name }}")]
    [InlineData("{{ node.name }} runs build {{ inputs.targetBuild }}; index {{ node.index }}")]
    [InlineData("  {{~ node.name ~}}  \n{{- cluster.name -}} .")]
    [InlineData("secure boot {{ node.secure_boot }}, stretch {{ cluster.stretch }}, upgrade {{ params.wuConnected }}")]
    [InlineData("secret {{ inputs.password }}; ratio {{ params.ratio }}; span {{ inputs.wait }}")]
    [InlineData("line one {{ cluster.name }}\nline two {{ inputs.source }}\n")]
    public void Render_OfPlainReferences_ShouldMatchScribanItself(string template)
    {
        var node = TestCluster.WithNodes(2).Nodes[1];
        var scope = Scope.WithNode(node, 1).WithInputs(new Dictionary<string, object?>
        {
            ["targetBuild"] = 25398L,
            ["source"] = "22H2",
            ["password"] = new Graph.SecretValue("hunter2"),
            ["wait"] = TimeSpan.FromMinutes(5),
        });
        var scriban = Scriban.Template.Parse(template);
        var context = new Scriban.TemplateContext { StrictVariables = true };
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        context.PushGlobal(new TemplateGlobals().For(scope));

        var rendered = new ScribanTemplateEngine().Render(EmbeddedText.Synthetic(template), scope, new DiagnosticBag());

        rendered.Should().Be(scriban.Render(context));
    }

    [Fact]
    public void Evaluate_OfTheSameConditionInScopesWithOtherValues_ShouldFollowTheValues()
    {
        var engine = new ScribanTemplateEngine();
        var condition = EmbeddedText.Synthetic("inputs.source == \"media\" && params.wuConnected");
        TemplateScope With(string source) => Scope.WithInputs(new Dictionary<string, object?> { ["source"] = source });

        var results = new[] { "media", "windows-update", "media" }
            .Select(source => engine.Evaluate(condition, With(source), new DiagnosticBag()));

        results.Should().Equal(true, false, true);
    }

    [Fact]
    public void Evaluate_OfAFailingCondition_ShouldReportEveryTime()
    {
        var engine = new ScribanTemplateEngine();
        var condition = EmbeddedText.Synthetic("inputs.missing");
        var diagnostics = new DiagnosticBag();

        engine.Evaluate(condition, Scope, diagnostics);
        engine.Evaluate(condition, Scope, diagnostics);

        diagnostics.Items.Should().HaveCount(2);
    }
}
