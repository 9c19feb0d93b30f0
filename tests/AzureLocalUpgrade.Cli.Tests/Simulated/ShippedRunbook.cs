using System.Runtime.CompilerServices;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// A runbook shipped in runbooks/, with the sample cluster of its source version and the values an operator must
/// state for it: the CAU Windows Update runbook needs the orchestrator's OS stated, the 24H2 runbooks the 2505 ISO.
/// </summary>
public sealed record ShippedRunbook(string Path)
{
    public const string Iso2505 = @"isoPath=C:\ISO\AzureLocal-2505.iso";
    public const string OrchestratorOs = "orchestratorOs=Windows Server 2022";

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// The Windows Admin Center runbook: a person runs the wizard behind its gates. On the simulator the gates'
    /// rehearse: scripts play that person's part after approval (see WizardRunbookTests).
    /// </summary>
    public const string WizardRunbook = "runbooks/22h2-to-23h2/wac.yaml";

    /// <summary>Every runnable runbook under runbooks/ (fragments excluded), as repo-relative paths.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(RepoRoot, "runbooks"), "*.yaml", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(RepoRoot, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("runbooks/fragments/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public string Cluster => Path switch
    {
        _ when Path.StartsWith("runbooks/22h2-", StringComparison.Ordinal) => "samples/clusters/four-node-22h2.yaml",
        _ when Path.StartsWith("runbooks/23h2-", StringComparison.Ordinal) => "samples/clusters/four-node-23h2.yaml",
        "runbooks/post-upgrade/23h2.yaml" => "samples/clusters/four-node-23h2.yaml",
        "runbooks/post-upgrade/24h2.yaml" => "samples/clusters/four-node-24h2.yaml",
        _ => throw new ArgumentException($"No sample cluster is chosen for {Path}; add it here."),
    };

    /// <summary>The build every node runs afterwards.</summary>
    public int TargetBuild => Path.Contains("to-24h2", StringComparison.Ordinal) || Path.EndsWith("/24h2.yaml", StringComparison.Ordinal) ? 26100 : 25398;

    /// <summary>Nodes the strategy may take down at once: offline stops the whole cluster by design, the rest roll one node at a time.</summary>
    public int NodesDownAllowed => Path.EndsWith("/offline.yaml", StringComparison.Ordinal) ? 4 : 1;

    public string[] Settings => Path switch
    {
        "runbooks/22h2-to-23h2/cau.yaml" => ["--set", OrchestratorOs],
        _ when Path.Contains("-to-24h2/", StringComparison.Ordinal) => ["--set", Iso2505],
        _ => [],
    };

    private static string FindRepoRoot([CallerFilePath] string thisFile = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
