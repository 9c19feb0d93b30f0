using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// An error inside a script or template lands on the exact character of the YAML file, whatever the scalar style.
/// Each case writes a script whose only error is the stray ')' marked by its expected line:column.
/// </summary>
public sealed class PositionMappingTests
{
    private const string Header = """
        apiVersion: azurelocal.upgrade/v1
        kind: Fragment
        metadata: { name: case, version: 1.0.0 }
        steps:
          - id: only

        """;

    [Theory]
    // plain scalar: the value starts at column 15, so its ')' is column 38
    [InlineData("    powershell:\n      script: Get-ClusterNode -Name a)\n", 7, 38)]
    // single-quoted: one extra column for the quote
    [InlineData("    powershell:\n      script: 'Get-ClusterNode -Name a)'\n", 7, 39)]
    // literal block: content starts on the next line at the block's indentation
    [InlineData("    powershell:\n      script: |\n        $x = 1\n        Get-ClusterNode -Name a)\n", 9, 32)]
    // literal block with a blank first line: value line 2 is file line 9
    [InlineData("    powershell:\n      script: |\n\n        Get-ClusterNode -Name a)\n", 9, 32)]
    // literal block with deeper indentation and a comment after the indicator
    [InlineData("    powershell:\n      script: |   # the drain\n           Get-ClusterNode -Name a)\n", 8, 35)]
    // skipIf guards are parsed too
    [InlineData("    powershell: { script: Get-ClusterNode }\n    skipIf: |\n      $true)\n", 8, 12)]
    // a gate's rehearse script, as a literal block and as a plain scalar
    [InlineData("    manual:\n      instructions: Install.\n      rehearse: |\n        Invoke-CauRun -Force\n        $true)\n", 10, 14)]
    [InlineData("    manual:\n      instructions: Install.\n      rehearse: Add-CauClusterRole -Name a)\n", 8, 43)]
    public void ScriptError_InEachScalarStyle_ShouldMapToTheYamlCharacter(string body, int line, int column)
    {
        var diagnostic = ValidateSingle(body);

        diagnostic.Code.Should().Be(DiagnosticCodes.ScriptParseError);
        (diagnostic.Span.Line, diagnostic.Span.Column).Should().Be((line, column));
    }

    [Fact]
    public void TemplateError_InLiteralBlock_ShouldMapToTheYamlCharacter()
    {
        var diagnostic = ValidateSingle("    manual:\n      instructions: |\n        Check.\n        Then {{ cluster.nme }}.\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.UnknownTemplateField);
        (diagnostic.Span.Line, diagnostic.Span.Column).Should().Be((9, 17));
    }

    [Fact]
    public void TemplateError_InDoubleQuotedWhen_ShouldMapToTheYamlCharacter()
    {
        var diagnostic = ValidateSingle("    when: \"{{ inputs.nope }}\"\n    powershell: { script: Get-ClusterNode }\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.UndefinedTemplateVariable);
        (diagnostic.Span.Line, diagnostic.Span.Column).Should().Be((6, 15));
    }

    private static Diagnostic ValidateSingle(string body)
    {
        var path = TestData.WriteTemp(Header + body);
        var diagnostics = RunbookValidation.LoadAndValidate(path).Diagnostics;
        return diagnostics.Should().ContainSingle().Subject;
    }
}
