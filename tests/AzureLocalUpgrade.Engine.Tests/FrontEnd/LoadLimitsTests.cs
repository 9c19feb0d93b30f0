using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Hostile or broken YAML is refused with a diagnostic, never a hang, a crash or an exception.</summary>
public sealed class LoadLimitsTests
{
    private static IReadOnlyList<Diagnostic> Parse(string text, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        YamlSourceLoader.Parse("case.yaml", text, bag, limits);
        return bag.Items;
    }

    [Fact]
    public void Parse_BillionLaughs_ShouldBeRefusedAsAliasExpansion()
    {
        var lines = new List<string> { "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var level = 1; level < 10; level++)
        {
            var previous = (char)('a' + level - 1);
            lines.Add($"{(char)('a' + level)}: &{(char)('a' + level)} [" + string.Join(", ", Enumerable.Repeat($"*{previous}", 9)) + "]");
        }

        Parse(string.Join('\n', lines)).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.AliasExpansionTooLarge);
    }

    [Fact]
    public void Parse_AliasInsideItsOwnAnchor_ShouldBeRefusedAsAliasExpansion() =>
        Parse("a: &loop [ 1, *loop ]").Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.AliasExpansionTooLarge);

    [Fact]
    public void Parse_TooManyNodesWithoutAnyAlias_ShouldNotBeBlamedOnAliases() =>
        Parse("a: [" + string.Join(", ", Enumerable.Range(0, 200)) + "]", LoadLimits.Default with { MaxExpandedNodes = 100 }).Should().ContainSingle()
            .Which.Code.Should().Be(InputCodes.TooManyNodes);

    [Fact]
    public void Parse_AliasesWithinTheLimit_ShouldLoad() =>
        Parse("a: &a [1, 2]\nb: [*a, *a]").Should().BeEmpty();

    [Fact]
    public void Parse_NestingOfTenThousandLevels_ShouldBeRefusedWithoutOverflowingTheStack() =>
        Parse("x: " + new string('[', 10_000) + new string(']', 10_000)).Should().ContainSingle()
            .Which.Code.Should().Be(DiagnosticCodes.NestingTooDeep);

    [Fact]
    public void Parse_AliasThatPushesNestingPastTheLimit_ShouldBeRefused() =>
        Parse("a: &a [[[1]]]\nb: [[*a]]", LoadLimits.Default with { MaxDepth = 5 }).Should().ContainSingle()
            .Which.Code.Should().Be(DiagnosticCodes.NestingTooDeep);

    [Fact]
    public void Parse_TextOverTheSizeLimit_ShouldBeRefused() =>
        Parse("a: " + new string('x', 100), LoadLimits.Default with { MaxFileBytes = 50 }).Should().ContainSingle()
            .Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);

    [Theory]
    [InlineData("b: [1, 2\nc: 3\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: *undefined\n")]
    [InlineData("\t- x: [}\n")]
    public void Parse_MalformedYaml_ShouldReportSyntaxWithoutThrowing(string text) =>
        Parse(text).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.YamlSyntax);

    [Fact]
    public void Load_MissingFile_ShouldReportNotFound()
    {
        var bag = new DiagnosticBag();

        YamlSourceLoader.Load(Path.Combine(Path.GetTempPath(), "alu-no-such-file.yaml"), bag).Should().BeNull();
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileNotFound);
    }
}
