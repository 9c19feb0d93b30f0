using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests;

/// <summary>The real process: a repeated `alu plan` prints the remembered bytes, and an edited input is planned afresh.</summary>
public sealed class RememberedPlanProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-remembered-process-" + Guid.NewGuid().ToString("N"));

    public RememberedPlanProcessTests()
    {
        var source = CliRun.FeatureTour();
        // The runbook, its fragment, the inventory, the params and the catalog file that declares the fixture's own commands.
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories).Append(Path.Combine(source, "commands.json")))
        {
            var target = Path.Combine(_folder, "inputs", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Inputs => Path.Combine(_folder, "inputs");

    private string CacheFolder => Path.Combine(_folder, "cache", "alu");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Plan_Repeated_ShouldPrintTheSameBytes_AndAnEditedFragmentShouldBePlannedAfresh()
    {
        var first = await Plan(cache: true);
        var second = await Plan(cache: true);

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardOutput.Should().Be(first.StandardOutput);
        Directory.GetFiles(CacheFolder, "plan-*.bin").Should().ContainSingle("the first run remembered its plan");

        var fragment = Directory.GetFiles(Path.Combine(Inputs, "fragments"), "*.yaml").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(fragment, "\n# edited\n");
        var edited = await Plan(cache: true);
        var fresh = await Plan(cache: false);

        edited.StandardOutput.Should().NotBe(first.StandardOutput, "the plan quotes its sources' hashes");
        edited.StandardOutput.Should().Be(fresh.StandardOutput);
    }

    private Task<AluResult> Plan(bool cache) => AluProcess.RunAsync(
        Inputs,
        new Dictionary<string, string?>
        {
            ["XDG_CACHE_HOME"] = Path.Combine(_folder, "cache"),
            ["ALU_NO_CACHE"] = cache ? null : "1",
        },
        "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--params", "params.yaml", "--format", "json");
}
