using System.Text;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Status;

/// <summary>
/// <c>alu status --format json</c>: the monitoring contract. <c>formatVersion</c> follows the rule in docs/events.md
/// (new fields do not bump it; a changed meaning or a removed field does).
/// </summary>
public static class StatusJson
{
    public const int FormatVersion = 1;

    public static string Runs(IReadOnlyList<RunSummary> runs) => Write(json =>
    {
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            Summary(json, run);
        }

        json.WriteEndArray();
    });

    public static string Run(RunDetail detail, SimulationSnapshot? simulation) => Write(json =>
    {
        json.WritePropertyName("run");
        Summary(json, detail.Summary);
        json.WriteStartArray("steps");
        foreach (var step in detail.Steps)
        {
            json.WriteStartObject();
            json.WriteString("id", step.StepId);
            Optional(json, "target", step.Target);
            json.WriteString("status", step.Status.ToString().ToLowerInvariant());
            json.WriteNumber("attempts", step.Attempts);
            if (step.Duration is { } duration)
            {
                json.WriteNumber("durationMs", (long)duration.TotalMilliseconds);
            }

            Optional(json, "message", step.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("leftovers");
        foreach (var leftover in detail.Leftovers)
        {
            json.WriteStringValue(leftover);
        }

        json.WriteEndArray();
        if (simulation is not null)
        {
            Simulation(json, simulation);
        }
    });

    private static void Simulation(Utf8JsonWriter json, SimulationSnapshot simulation)
    {
        json.WriteStartObject("simulation");
        json.WriteString("now", simulation.Now);
        json.WriteNumber("maxNodesDownAtOnce", simulation.MaxNodesDownAtOnce);
        json.WriteNumber("storageJobs", simulation.StorageJobs);
        json.WriteNumber("clusterFunctionalLevel", simulation.ClusterFunctionalLevel);
        json.WriteStartArray("nodes");
        foreach (var node in simulation.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("build", node.Build.ToString());
            json.WriteString("state", node.State.ToString());
            json.WriteNumber("drains", node.Drains);
            json.WriteNumber("reboots", node.Reboots);
            json.WriteNumber("featureUpdatesApplied", node.FeatureUpdatesApplied);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter json, RunSummary run)
    {
        json.WriteStartObject();
        json.WriteString("runId", run.RunId);
        json.WriteString("cluster", run.Cluster);
        json.WriteString("runbook", run.Runbook);
        json.WriteString("state", run.State.ToString().ToLowerInvariant());
        json.WriteString("startedAt", run.StartedAt);
        json.WriteString("lastRecordAt", run.LastRecordAt);
        if (run.ExitCode is { } exitCode)
        {
            json.WriteNumber("exitCode", exitCode);
        }

        Optional(json, "detail", run.Detail);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
