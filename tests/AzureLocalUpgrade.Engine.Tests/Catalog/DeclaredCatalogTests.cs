using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Tests.Runbooks;
using AzureLocalUpgrade.Engine.Validation;
using AzureLocalUpgrade.Engine.Validation.Catalog;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>
/// A custom runbook's own catalog files (metadata.catalogs): they make its vendor commands known, they are checked
/// like any call, and a change to them is never hidden by the clean-script cache.
/// </summary>
public sealed class DeclaredCatalogTests : IDisposable
{
    private const string VendorCall = "Get-ContosoFirmwareStatus -Component";
    private readonly string _folder = Directory.CreateTempSubdirectory("alu-catalogs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void VendorSample_ShouldHaveNoFindingInItsOwnFile()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "custom", "vendor-firmware-sconfig.yaml");

        var result = RunbookValidation.LoadAndValidate(sample);

        result.Diagnostics.Where(d => d.Span.File == sample).Should().BeEmpty();
    }

    [Fact]
    public void VendorCommand_WithoutItsCatalog_ShouldBeUnknown()
    {
        var runbook = Write(catalogs: "", script: $"if (Get-Command Get-ContosoFirmwareStatus) {{ {VendorCall} All }}");

        Codes(runbook).Should().Equal(DiagnosticCodes.UnknownCommand);
    }

    [Theory]
    [InlineData("All", new string[0])]
    [InlineData("Everything", new[] { DiagnosticCodes.ValueNotAccepted })]
    public void VendorCommand_WithItsCatalog_ShouldBeCheckedLikeAnyOther(string component, string[] expected)
    {
        var runbook = Write(catalogs: "[vendor.json]", script: $"if (Get-Command Get-ContosoFirmwareStatus) {{ {VendorCall} {component} }}");

        Codes(runbook).Should().Equal(expected);
    }

    [Fact]
    public void CleanCache_ShouldCheckAgain_WhenTheDeclaredCatalogChanges()
    {
        var runbook = Write(catalogs: "[vendor.json]", script: $"if (Get-Command Get-ContosoFirmwareStatus) {{ {VendorCall} Bios }}");
        var previous = CatalogCheckValidator.CleanCache;
        CatalogCheckValidator.CleanCache = new CleanContentCache(Path.Combine(_folder, "cache"), CatalogCheckValidator.CacheName);
        try
        {
            Codes(runbook).Should().BeEmpty();
            var catalog = Path.Combine(_folder, "vendor.json");
            File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("\"Bios\", ", "", StringComparison.Ordinal));

            Codes(runbook).Should().Equal(DiagnosticCodes.ValueNotAccepted);
        }
        finally
        {
            CatalogCheckValidator.CleanCache = previous;
        }
    }

    [Fact]
    public void DeclaredCatalog_Missing_ShouldBeReportedAtItsEntry()
    {
        var runbook = Write(catalogs: "[nowhere.json]", script: "Get-ClusterNode");

        var found = RunbookValidation.LoadAndValidate(runbook).Diagnostics.Should().ContainSingle().Which;

        (found.Code, found.Span.Line, found.Span.Column).Should().Be((DiagnosticCodes.CatalogNotFound, 7, 14));
    }

    private static IEnumerable<string> Codes(string runbook) => RunbookValidation.LoadAndValidate(runbook).Diagnostics.Select(d => d.Code);

    private string Write(string catalogs, string script)
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "custom", "catalogs", "contoso-firmware.json"), Path.Combine(_folder, "vendor.json"), overwrite: true);
        var path = Path.Combine(_folder, "runbook.yaml");
        File.WriteAllText(path, $"""
            apiVersion: azurelocal.upgrade/v1
            kind: Runbook
            metadata:
              name: vendor
              version: 1.0.0
              upgrade: {"{"} from: 22H2, to: 24H2 {"}"}
              {(catalogs.Length == 0 ? "method: custom" : $"catalogs: {catalogs}")}
              {(catalogs.Length == 0 ? "" : "method: custom")}
            steps:
              - id: only
                powershell:
                  on: cluster
                  script: {script}
            """);
        return path;
    }
}
