using System.Text.Json;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Tests.Runbooks;
using NJsonSchema;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>
/// The catalog files under schemas/cmdlets/ (one per module, see its README) are data the validator trusts: each must
/// match schemas/cmdlet-catalog.v1.json and cite its facts by a page path of the shape its repository uses. The
/// pages themselves are not reachable from CI; whoever edits a file checks the path against the docs mirror.
/// </summary>
public sealed partial class CmdletCatalogFileTests
{
    private static string CatalogFolder => Path.Combine(RepositoryPaths.Root, "schemas", "cmdlets");

    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "schemas", "cmdlet-catalog.v1.json");

    /// <summary>The page path shape of each repository the catalog cites (the first word of a file's source).</summary>
    private static readonly Dictionary<string, Regex> PagePathByRepository = new(StringComparer.Ordinal)
    {
        ["MicrosoftDocs/windows-powershell-docs"] = WindowsServerPage(),
        ["MicrosoftDocs/PowerShell-Docs"] = PowerShellPage(),
        ["MicrosoftDocs/PowerShell-Docs-PSGet"] = PowerShellGetPage(),
        ["MicrosoftDocs/azure-stack-docs"] = AzureStackPage(),
        ["Azure/azure-powershell"] = AzurePowerShellHelpPage(),
        ["AzureLocalUpgrade/AzureLocalUpgrade"] = ProjectDocsPage(),
        ["learn.microsoft.com/windows-hardware"] = WindowsHardwarePage(),
        ["MicrosoftDocs/windows-driver-docs"] = StorageClassPage(),
        ["MicrosoftDocs/win32"] = Win32ClassPage(),
    };

    public static TheoryData<string> CatalogFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CatalogFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CatalogFolder_ShouldHoldCatalogFiles()
    {
        CatalogFiles().Should().NotBeEmpty("schemas/cmdlets/ holds one catalog file per module");
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public async Task CatalogFile_ShouldValidateAgainstTheCatalogSchema(string fileName)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(CatalogFolder, fileName)));

        errors.Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task CatalogSchema_ShouldRejectAParameterWithoutItsSets()
    {
        // Guards the theory above: the schema must be strict enough to reject a fact left out.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var text = await File.ReadAllTextAsync(Path.Combine(CatalogFolder, "FailoverClusters.json"));

        var broken = Regex.Replace(text, "\"sets\": \\[", "\"setz\": [", RegexOptions.None, TimeSpan.FromSeconds(5));

        schema.Validate(broken).Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void EveryCommandAndType_ShouldCiteAPageOfItsRepositorysShape(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogFolder, fileName)));
        var root = document.RootElement;
        var repository = root.GetProperty("source").GetString()!.Split(' ')[0];
        PagePathByRepository.Should().ContainKey(repository, "{0} cites a repository the catalog does not know", fileName);
        var shape = PagePathByRepository[repository];

        var sources = root.GetProperty("commands").EnumerateArray()
            .Select(c => (Owner: c.GetProperty("name").GetString()!, Page: c.GetProperty("source").GetString()!))
            .Concat(root.GetProperty("types").EnumerateObject().Select(t => (Owner: t.Name, Page: t.Value.GetProperty("source").GetString()!)));

        sources.Where(s => !HasItsRepositorysShape(s.Page, shape))
            .Select(s => $"{s.Owner}: {s.Page}")
            .Should().BeEmpty("every page of {0} must be a path in {1} matching {2}", fileName, repository, shape);
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void EveryCommand_ShouldBeCataloguedOnce(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogFolder, fileName)));

        var names = document.RootElement.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var elsewhere = Directory.GetFiles(CatalogFolder, "*.json")
            .Where(f => Path.GetFileName(f) != fileName)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("commands").EnumerateArray())
            .Select(c => c.GetProperty("name").GetString()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        names.Should().OnlyHaveUniqueItems().And.NotContain(n => elsewhere.Contains(n), "a command lives in one module's file");
    }

    /// <summary>A page of the file's repository, or owner/name:path of another known repository.</summary>
    private static bool HasItsRepositorysShape(string page, Regex fileRepositoryShape)
    {
        var colon = page.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return fileRepositoryShape.IsMatch(page);
        }

        return PagePathByRepository.TryGetValue(page[..colon], out var shape) && shape.IsMatch(page[(colon + 1)..]);
    }

    [GeneratedRegex(@"^desktop-src/CIMWin32Prov/[a-z0-9-]+\.md$")]
    private static partial Regex Win32ClassPage();

    [GeneratedRegex(@"^docset/winserver20(22|25)-ps/[A-Za-z0-9.-]+/[A-Za-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex WindowsServerPage();

    [GeneratedRegex(@"^reference/(5\.1|7\.[0-9])/[A-Za-z.]+/[A-Za-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex PowerShellPage();

    [GeneratedRegex(@"^powershell-gallery/powershellget-[0-9]\.x/PowerShellGet/[A-Za-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex PowerShellGetPage();

    [GeneratedRegex(@"^(azure-local|AKS-Hybrid)/[a-z0-9/-]+\.md$")]
    private static partial Regex AzureStackPage();

    [GeneratedRegex(@"^src/[A-Za-z]+(/[A-Za-z]+)?/help/[A-Za-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex AzurePowerShellHelpPage();

    [GeneratedRegex(@"^docs/[a-z0-9-]+\.md$")]
    private static partial Regex ProjectDocsPage();

    [GeneratedRegex(@"^windows-driver-docs-pr/storage/msft-[a-z0-9-]+\.md$")]
    private static partial Regex StorageClassPage();

    [GeneratedRegex(@"^manufacture/desktop/[a-z0-9-]+\.md$")]
    private static partial Regex WindowsHardwarePage();
}
