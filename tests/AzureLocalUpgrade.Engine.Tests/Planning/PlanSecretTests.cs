using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

/// <summary>The feature-tour case passes a secret (params.yaml) into a fragment; no output format may reveal it.</summary>
public sealed class PlanSecretTests
{
    public static TheoryData<string> Formats() => [.. PlanRenderers.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_AnyFormat_ShouldNeverContainTheSecretValue(string format)
    {
        var plan = PlanGoldenTests.PlanFor(Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour"));

        var output = PlanRenderers.Find(format)!.Render(plan);

        output.Should().NotContain("Sup3r-Secret-Value");
    }

    [Fact]
    public void Plan_SecretParameter_ShouldBeListedByNameOnly()
    {
        var plan = PlanGoldenTests.PlanFor(Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour"));

        plan.SecretParameterNames.Should().Equal("domainPassword");
        plan.Parameters.Single(p => p.Name == "domainPassword").Value.Should().Be("***");
    }
}
