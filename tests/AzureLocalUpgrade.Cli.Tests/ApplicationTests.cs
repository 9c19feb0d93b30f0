namespace AzureLocalUpgrade.Cli.Tests;

public sealed class ApplicationTests
{
    [Theory]
    [InlineData("runbook", "\"$schema\"")]
    [InlineData("cluster", "\"$schema\"")]
    [InlineData("plan", "\"formatVersion\"")]
    public async Task Schema_KnownName_ShouldPrintTheEmbeddedSchema(string name, string expected)
    {
        var run = await CliRun.Of(Directory.GetCurrentDirectory(), "schema", name);

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain(expected);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("schema", "nope")]
    [InlineData("plan", "a.yaml", "--cluster", "c.yaml", "--format", "pdf")]
    public async Task BadUsage_ShouldExitTwoWithoutAStackTrace(params string[] args)
    {
        var run = await CliRun.Of(Directory.GetCurrentDirectory(), args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("alu: error:").And.NotContain("   at ");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnexpectedFailure_ShouldPrintOneLineAndTheStackTraceOnlyWithVerbose(bool verbose)
    {
        using var error = new StringWriter();
        var console = new CliConsole(new ThrowingWriter(), error, Directory.GetCurrentDirectory());
        string[] args = verbose ? ["schema", "plan", "--verbose"] : ["schema", "plan"];

        var code = await CliApplication.RunAsync(args, console);

        code.Should().Be(1);
        error.ToString().Should().StartWith("alu: internal error: disk full");
        error.ToString().Contains("   at ", StringComparison.Ordinal).Should().Be(verbose);
    }

    [Fact]
    public async Task Runbooks_ShouldListRunbooksFoundAboveTheWorkingDirectory()
    {
        var repo = Directory.CreateTempSubdirectory("alu-repo-");
        Directory.CreateDirectory(Path.Combine(repo.FullName, "runbooks", "os"));
        Directory.CreateDirectory(Path.Combine(repo.FullName, "work"));
        File.Copy(Path.Combine(CliRun.FeatureTour(), "runbook.yaml"), Path.Combine(repo.FullName, "runbooks", "os", "tour.yaml"));
        Directory.CreateDirectory(Path.Combine(repo.FullName, "runbooks", "os", "fragments"));
        File.Copy(Path.Combine(CliRun.FeatureTour(), "fragments", "registry-keys.yaml"), Path.Combine(repo.FullName, "runbooks", "os", "fragments", "registry-keys.yaml"));
        File.Copy(Path.Combine(CliRun.FeatureTour(), "commands.json"), Path.Combine(repo.FullName, "runbooks", "os", "commands.json"));

        var run = await CliRun.Of(Path.Combine(repo.FullName, "work"), "runbooks", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("\"name\": \"feature-tour\"").And.Contain("\"path\": \"runbooks/os/tour.yaml\"").And.Contain("\"valid\": true");
        run.Out.Should().NotContain("registry-keys");
        repo.Delete(recursive: true);
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("disk full");
    }
}
