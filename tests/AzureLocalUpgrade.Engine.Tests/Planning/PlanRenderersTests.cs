using AzureLocalUpgrade.Engine.Planning.Rendering;
using FluentAssertions;
using Xunit;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

public sealed class PlanRenderersTests
{
    [Fact]
    public void Formats_ShouldNameEveryRenderer_InOrder()
    {
        PlanRenderers.Formats.Should().Equal(PlanRenderers.All.Select(r => r.Format));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("JSON")]
    public void Find_ShouldIgnoreCase(string format)
    {
        PlanRenderers.Find(format).Should().BeOfType<JsonPlanRenderer>();
    }
}
