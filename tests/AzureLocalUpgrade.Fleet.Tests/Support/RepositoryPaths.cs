namespace AzureLocalUpgrade.Fleet.Tests.Support;

/// <summary>Locates the repository (runbooks, samples, scripts) from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Runbooks => Path.Combine(Root, "runbooks");

    public static string Fleets => Path.Combine(Root, "samples", "fleets");

    public static string TestData => Path.Combine(Root, "tests", "AzureLocalUpgrade.Fleet.Tests", "TestData");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureLocalUpgrade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AzureLocalUpgrade.sln not found above the test output folder.");
    }
}
