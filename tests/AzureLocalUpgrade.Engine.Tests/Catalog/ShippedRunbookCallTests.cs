using AzureLocalUpgrade.Engine.Tests.Runbooks;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>
/// Every shipped runbook and fragment (runbooks/**) calls only what Microsoft's reference, as the shipped cmdlet
/// catalog records it, says exists: no ALU24xx finding, error or warning, in any of its scripts.
/// </summary>
public sealed class ShippedRunbookCallTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var root = Path.Combine(RepositoryPaths.Root, "runbooks");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_ShouldCallOnlyWhatTheCatalogDescribes(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "runbooks", file);

        var findings = RunbookValidation.LoadAndValidate(path).Diagnostics
            .Where(d => d.Code.StartsWith("ALU24", StringComparison.Ordinal) && d.Span.File == path)
            .Select(d => $"{file}:{d.Span.Line}:{d.Span.Column}: {d.Code}: {d.Message}");

        findings.Should().BeEmpty();
    }
}
