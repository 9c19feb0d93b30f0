namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// Locates the repository's runbooks and samples. BenchmarkDotNet runs each benchmark from a generated project
/// below this project's bin folder, so walking up from the running program still reaches the solution.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Runbook(string upgradePath, string method) => Path.Combine(Root, "runbooks", upgradePath, method + ".yaml");

    public static string SampleCluster(string fileName) => Path.Combine(Root, "samples", "clusters", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureLocalUpgrade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AzureLocalUpgrade.sln not found above " + AppContext.BaseDirectory);
    }
}
