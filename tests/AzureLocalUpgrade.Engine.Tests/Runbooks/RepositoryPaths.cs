namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>Locates the repository's runbooks and samples from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Runbooks => Path.Combine(Root, "runbooks");

    public static string Sample(string fileName) => Path.Combine(Root, "samples", "clusters", fileName);

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
