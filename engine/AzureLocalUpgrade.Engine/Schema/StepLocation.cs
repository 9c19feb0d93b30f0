using Newtonsoft.Json.Linq;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// Names a place inside a step by the step's id, as every other message does, instead of the JSON path a schema
/// validator reports: "steps[2].steps[0].retry.attempts" reads "retry.attempts of step 'rolling/drain'". A step
/// without an id (or a place outside any step) keeps its path, the only name it has.
/// </summary>
internal static class StepLocation
{
    private static readonly string[] StepLists = ["steps", "onFailure"];

    public static string Describe(string location, JToken? token)
    {
        var steps = EnclosingSteps(token).ToList();
        if (steps.Count == 0 || steps.Any(s => s["id"] is not JValue { Type: JTokenType.String }))
        {
            return location;
        }

        var prefix = steps[0].Path;
        if (!location.StartsWith(prefix, StringComparison.Ordinal))
        {
            return location;
        }

        var name = $"step '{string.Join('/', steps.AsEnumerable().Reverse().Select(s => s.Value<string>("id")))}'";
        var rest = location[prefix.Length..].TrimStart('.');
        return rest.Length == 0 ? name : $"{rest} of {name}";
    }

    // Innermost first: each JSON object that is an item of a 'steps' or 'onFailure' list.
    private static IEnumerable<JObject> EnclosingSteps(JToken? token)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current is JObject step && step.Parent is JArray { Parent: JProperty list } && StepLists.Contains(list.Name))
            {
                yield return step;
            }
        }
    }
}
