namespace AzureLocalUpgrade.Benchmarks;

/// <summary>The rolling 22H2→23H2 runbooks the plan benchmarks measure, by method name.</summary>
internal static class PlanBenchmarkCase
{
    public const string UpgradePath = "22h2-to-23h2";

    public static string RunbookPath(string method) => RepositoryPaths.Runbook(UpgradePath, method);
}
