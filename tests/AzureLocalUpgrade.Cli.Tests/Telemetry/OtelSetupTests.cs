using AzureLocalUpgrade.Cli.Telemetry;

namespace AzureLocalUpgrade.Cli.Tests.Telemetry;

public sealed class OtelSetupTests
{
    private static Func<string, string?> Environment(string? endpoint) =>
        name => name == OtelSetup.EndpointVariable ? endpoint : null;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Nothing_is_exported_unless_an_endpoint_is_set(string? endpoint)
    {
        using var stderr = new StringWriter();

        OtelSetup.TryStart(stderr, Environment(endpoint)).Should().BeNull();
        stderr.ToString().Should().BeEmpty();
    }

    [Fact]
    public void An_endpoint_starts_an_exporter()
    {
        using var provider = OtelSetup.TryStart(TextWriter.Null, Environment("http://127.0.0.1:4317"));

        provider.Should().NotBeNull();
    }

    [Theory]
    [InlineData("collector:4317")]
    [InlineData("not a url")]
    public void A_malformed_endpoint_warns_and_the_run_goes_on_untraced(string endpoint)
    {
        using var stderr = new StringWriter();

        OtelSetup.TryStart(stderr, Environment(endpoint)).Should().BeNull();
        stderr.ToString().Should().Contain("OTEL_EXPORTER_OTLP_ENDPOINT").And.Contain("not an http(s) URL");
    }
}
