using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

/// <summary>An empty parameter value is shown as "(empty)", never as an empty Markdown code span (two backticks).</summary>
public sealed class EmptyValueRenderingTests
{
    [Theory]
    [InlineData("markdown", "| setupMedia | (empty) |")]
    [InlineData("text", "setupMedia = (empty)")]
    public void An_empty_parameter_value_reads_empty(string format, string expected)
    {
        var plan = PlanGoldenTests.PlanFor(Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour"), ["setupMedia="]);

        var rendered = PlanRenderers.Find(format)!.Render(plan);

        rendered.Should().Contain(expected);
        rendered.Should().NotContain("``");
    }
}
