using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// A temporary copy of TestData/unattended (a gated rolling runbook with a secret, on a simulated two-node cluster)
/// plus a state folder, so a test may edit files and run alu in-process without touching the repository.
/// </summary>
internal sealed partial class UnattendedWorkspace : IDisposable
{
    public const string Secret = "S3cr3t-Value-42";

    public UnattendedWorkspace([CallerFilePath] string thisFile = "")
    {
        var source = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "TestData", "unattended");
        foreach (var file in Directory.GetFiles(source))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("alu-unattended-").FullName;

    public string StateDir => System.IO.Path.Combine(Path, "state");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public Task<CliRun> Alu(params string[] args) => CliRun.Of(Path, args);

    /// <summary><c>alu run maintenance.yaml</c> with the secret and the state folder, plus <paramref name="extra"/>.</summary>
    public Task<CliRun> RunRunbook(params string[] extra) =>
        Alu(["run", "maintenance.yaml", "--cluster", "cluster.yaml", "--state-dir", StateDir, "--set", $"bmcPassword={Secret}", .. extra]);

    /// <summary>Saves plan.json and returns its hash (the one approval files quote).</summary>
    public async Task<string> SavePlan()
    {
        var plan = await Alu("plan", "maintenance.yaml", "--cluster", "cluster.yaml", "--set", $"bmcPassword={Secret}", "--out", "plan.json");
        plan.ExitCode.Should().Be(0, plan.Error);
        return PlanHash().Match(plan.Error).Value;
    }

    public Task<CliRun> RunPlan(params string[] extra) =>
        Alu(["run", "plan.json", "--state-dir", StateDir, "--set", $"bmcPassword={Secret}", .. extra]);

    public void WriteApproval(string planHash, string gates = "[\"*\"]") =>
        System.IO.File.WriteAllText(File("approval.yaml"), $"""
            apiVersion: azurelocal.upgrade/v1
            kind: Approval
            planHash: {planHash}
            approvedBy: jane.doe
            approvedAt: 2026-11-27T16:00:00Z
            ticket: CHG0012345
            gates: {gates}
            """);

    /// <summary>The only run in the state folder (alu status --format json).</summary>
    public async Task<string> SingleRunId()
    {
        var status = await Alu("status", "--state-dir", StateDir, "--format", "json");
        using var json = JsonDocument.Parse(status.Out);
        return json.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("runId").GetString()!;
    }

    public IEnumerable<string> RunFolders() =>
        Directory.Exists(System.IO.Path.Combine(StateDir, "runs")) ? Directory.GetDirectories(System.IO.Path.Combine(StateDir, "runs")) : [];

    public void Dispose() => Directory.Delete(Path, recursive: true);

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex PlanHash();
}
