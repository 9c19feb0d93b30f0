using AzureLocalUpgrade.Engine.Validation;
using FluentAssertions;
using Xunit;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

public sealed class ScriptParseCacheTests : IDisposable
{
    private const string Broken = "if ($x -eq 1 {";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "alu-parse-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        else if (File.Exists(_directory))
        {
            File.Delete(_directory);
        }
    }

    [Fact]
    public void Parse_ShouldReportErrors_WhenTheTextIsNotInTheCache()
    {
        ScriptParseCache.In(_directory).Parse(Broken).Should().NotBeEmpty();
    }

    [Fact]
    public void Parse_ShouldReportErrorsAgain_InALaterProcess_BecauseOnlyCleanTextsAreRemembered()
    {
        ScriptParseCache.In(_directory).Parse(Broken);

        ScriptParseCache.In(_directory).Parse(Broken).Should().NotBeEmpty();
    }

    [Fact]
    public void Parse_ShouldRememberACleanText_ByItsContentKey()
    {
        ScriptParseCache.In(_directory).Parse("Get-Date");

        var file = Directory.GetFiles(_directory).Should().ContainSingle().Which;
        Path.GetFileName(file).Should().StartWith("script-parse-");
        File.ReadAllLines(file).Should().Equal(CleanContentCache.KeyOf("Get-Date"));
    }

    [Fact]
    public void Parse_ShouldTrustTheCache_ForExactlyTheTextsItRecords()
    {
        // Recording a broken text by hand shows the lookup is by content: that text is no longer parsed,
        // while a text differing by one character still is.
        ScriptParseCache.In(_directory).Parse("Get-Date");
        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(_directory)[0]);
        new CleanContentCache(_directory, name).RememberClean(CleanContentCache.KeyOf(Broken));
        var cache = ScriptParseCache.In(_directory);

        cache.Parse(Broken).Should().BeEmpty();
        cache.Parse(Broken + " ").Should().NotBeEmpty();
    }

    [Fact]
    public void Parse_ShouldStillParse_WhenTheCacheFolderCannotBeWritten()
    {
        File.WriteAllText(_directory, "a file where the folder should be");
        var cache = ScriptParseCache.In(Path.Combine(_directory, "sub"));

        cache.Parse("Get-Date").Should().BeEmpty();
        cache.Parse(Broken).Should().NotBeEmpty();
    }
}
