using AzureLocalUpgrade.Engine.Planning.Rendering;
using AzureLocalUpgrade.Engine.Schema;
using NJsonSchema;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

public sealed class PlanSchemaTests
{
    [Fact]
    public async Task JsonPlan_ShouldValidateAgainstPlanSchema()
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaCatalog.ReadText("plan.v1.json"));
        var json = new JsonPlanRenderer().Render(PlanGoldenTests.PlanFor(Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour")));

        schema.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task JsonPlan_WithAnUnknownProperty_ShouldNotValidate()
    {
        // Guards the test above: the schema must be strict enough to reject something.
        var schema = await JsonSchema.FromJsonAsync(SchemaCatalog.ReadText("plan.v1.json"));
        var json = new JsonPlanRenderer().Render(PlanGoldenTests.PlanFor(Path.Combine(PlanGoldenTests.SourceFolder(), "feature-tour")));

        schema.Validate(json.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"extra\": 2,", StringComparison.Ordinal)).Should().NotBeEmpty();
    }
}
