using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>The repository's samples/scenarios files.</summary>
internal static class Samples
{
    public static string ScenarioFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "scenarios");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("samples/scenarios not found above the test folder.");
        }
    }

    public static FaultScenario Scenario(string name)
    {
        var result = FaultScenario.Load(Path.Combine(ScenarioFolder, name + ".yaml"));
        result.Errors.Should().BeEmpty();
        return result.Scenario!;
    }
}
