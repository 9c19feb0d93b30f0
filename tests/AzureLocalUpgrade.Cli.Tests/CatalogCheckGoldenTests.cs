using System.Runtime.CompilerServices;

namespace AzureLocalUpgrade.Cli.Tests;

/// <summary>
/// Golden output of <c>alu validate</c> for runbooks whose calls break the cmdlet catalog (TestData/catalog-check):
/// the exact <c>file:line:col: error ALU24xx: message</c> lines with their hints, and the same findings as JSON.
/// Set ALU_SET_BASELINE=1 to rewrite the golden files after an intended change.
/// </summary>
public sealed class CatalogCheckGoldenTests
{
    [Theory]
    [InlineData("text", "validate.txt")]
    [InlineData("json", "validate.json")]
    public async Task Validate_RunbooksWithCallMistakes_ShouldPrintTheGoldenDiagnostics(string format, string goldenFile)
    {
        var folder = Folder();
        var run = await CliRun.Of(folder, "validate", "calls.yaml", "readiness.yaml", "--format", format);
        var actual = run.Out + run.Error;
        var expectedPath = Path.Combine(folder, goldenFile);
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, actual);
        }

        run.ExitCode.Should().Be(2);
        actual.Should().Be(File.Exists(expectedPath) ? await File.ReadAllTextAsync(expectedPath) : "",
            $"the diagnostics changed; accept with: ALU_SET_BASELINE=1 dotnet test --filter {nameof(CatalogCheckGoldenTests)}");
    }

    private static string Folder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "TestData", "catalog-check");
}
