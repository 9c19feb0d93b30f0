using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>The repository's samples/scenarios files (and how to find other repository folders).</summary>
internal static class Samples
{
    public static string ScenarioFolder => RepositoryFolder(Path.Combine("samples", "scenarios"));

    /// <summary>A folder of the repository, found by walking up from the test binaries.</summary>
    public static string RepositoryFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{relative} not found above the test folder.");
    }

    public static FaultScenario Scenario(string name)
    {
        var result = FaultScenario.Load(Path.Combine(ScenarioFolder, name + ".yaml"));
        result.Errors.Should().BeEmpty();
        return result.Scenario!;
    }
}
