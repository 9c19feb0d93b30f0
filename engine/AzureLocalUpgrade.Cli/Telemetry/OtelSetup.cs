using AzureLocalUpgrade.Engine.Execution;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AzureLocalUpgrade.Cli.Telemetry;

/// <summary>
/// Exports the run and step spans (<see cref="RunActivities"/>) over OTLP, but only when the operator asked for it by
/// setting <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: an upgrade tool must not start sending anything anywhere on its own.
/// The exporter reads the other standard variables itself (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, _TIMEOUT).
/// </summary>
public static class OtelSetup
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// A tracer provider to dispose when the command ends (disposing flushes the last spans), or null when no endpoint
    /// is set or it is not an absolute URI (then a warning goes to <paramref name="stderr"/>; the run goes on untraced).
    /// </summary>
    /// <param name="environment">Reads an environment variable; tests pass their own.</param>
    public static TracerProvider? TryStart(TextWriter stderr, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var value = (environment ?? Environment.GetEnvironmentVariable)(EndpointVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            stderr.WriteLine($"alu: warning: {EndpointVariable} '{value}' is not an http(s) URL; traces are not exported.");
            return null;
        }

        var version = typeof(OtelSetup).Assembly.GetName().Version?.ToString();
        return Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("alu", serviceVersion: version))
            .AddSource(RunActivities.SourceName)
            .AddOtlpExporter(options => options.Endpoint = endpoint)
            .Build();
    }
}
