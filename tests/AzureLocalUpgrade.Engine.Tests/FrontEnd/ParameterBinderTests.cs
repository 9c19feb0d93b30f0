using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Values from --set and --params become typed values, checked and defaulted, or positioned ALU23xx errors.</summary>
public sealed class ParameterBinderTests
{
    private static readonly Lazy<Runbook> EveryFeature = new(() => RunbookValidation.LoadAndValidate(TestData.Valid("every-feature.yaml")).Runbook!);

    private static (IReadOnlyDictionary<string, object?> Values, DiagnosticBag Bag) Bind(string[] setArgs, string? paramsFile = null)
    {
        var bag = new DiagnosticBag();
        return (ParameterBinder.Bind(EveryFeature.Value, setArgs, paramsFile, bag), bag);
    }

    [Theory]
    [InlineData("maxRetries=7", "maxRetries", 7L)]
    [InlineData("wuConnected=false", "wuConnected", false)]
    [InlineData("setupMedia=D:\\Media", "setupMedia", "D:\\Media")]
    [InlineData("vmShutdown=shutdown", "vmShutdown", "shutdown")]
    [InlineData("tenantId=0123abcd-0123-abcd-0123-0123456789ab", "tenantId", "0123abcd-0123-abcd-0123-0123456789ab")]
    public void Bind_SetArgument_ShouldGiveTheTypedValue(string argument, string name, object expected)
    {
        var (values, bag) = Bind([argument]);

        bag.Items.Should().BeEmpty();
        values[name].Should().Be(expected);
    }

    [Fact]
    public void Bind_DurationValue_ShouldBeATimeSpan() =>
        Bind(["drainTimeout=1h30m"]).Values["drainTimeout"].Should().Be(TimeSpan.FromMinutes(90));

    [Fact]
    public void Bind_SecretValue_ShouldBeWrappedAndNeverPrinted()
    {
        var secret = Bind(["adminPassword=Passw0rd!"]).Values["adminPassword"].Should().BeOfType<SecretValue>().Subject;

        secret.Reveal().Should().Be("Passw0rd!");
        secret.ToString().Should().Be("***");
    }

    [Fact]
    public void Bind_NothingGiven_ShouldApplyDefaultsAndNullForOptionalOnes()
    {
        var (values, bag) = Bind([]);

        bag.Items.Should().BeEmpty();
        values.Keys.Should().BeEquivalentTo(EveryFeature.Value.Parameters.Select(p => p.Name));
        values["maxRetries"].Should().Be(3L);
        values["tenantId"].Should().BeNull();
    }

    [Fact]
    public void Bind_SetAndParamsFile_ShouldLetSetWin()
    {
        var file = TestData.WriteTemp("maxRetries: 5\nvmShutdown: shutdown\n", "params.yaml");

        var (values, bag) = Bind(["maxRetries=9"], file);

        bag.Items.Should().BeEmpty();
        values["maxRetries"].Should().Be(9L);
        values["vmShutdown"].Should().Be("shutdown");
    }

    [Fact]
    public void Bind_JsonParamsFile_ShouldBeReadLikeYaml()
    {
        var file = TestData.WriteTemp("{ \"maxRetries\": 4, \"wuConnected\": false }", "params.json");

        var (values, bag) = Bind([], file);

        bag.Items.Should().BeEmpty();
        values["maxRetries"].Should().Be(4L);
        values["wuConnected"].Should().Be(false);
    }

    [Theory]
    [InlineData("maxRetries=many", DiagnosticCodes.ParameterValueWrongType, 12)]
    [InlineData("vmShutdown=reboot", DiagnosticCodes.ParameterValueNotInEnum, 12)]
    [InlineData("tenantId=nope", DiagnosticCodes.ParameterValuePatternMismatch, 10)]
    [InlineData("nonsense=1", DiagnosticCodes.UnknownParameter, 1)]
    [InlineData("noEquals", DiagnosticCodes.MalformedSetArgument, 1)]
    public void Bind_BadSetArgument_ShouldReportAtTheArgument(string argument, string code, int column)
    {
        var (_, bag) = Bind(["maxRetries=1", argument]);

        var diagnostic = bag.Items.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(code);
        diagnostic.Span.Should().Be(Text.SourceSpan.At(ParameterBinder.CommandLineFile, 2, column));
    }

    [Fact]
    public void Bind_WrongSecretValue_ShouldNotEchoTheSecret()
    {
        var runbook = EveryFeature.Value with
        {
            Parameters = [.. EveryFeature.Value.Parameters.Select(p => p.Name == "adminPassword" ? p with { Pattern = "^x$" } : p)],
        };
        var bag = new DiagnosticBag();

        ParameterBinder.Bind(runbook, ["adminPassword=hunter2"], null, bag);

        bag.Items.Should().ContainSingle().Which.Message.Should().NotContain("hunter2");
    }
}
