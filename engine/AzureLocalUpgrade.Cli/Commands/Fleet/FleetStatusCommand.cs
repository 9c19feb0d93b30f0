using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet status FLEET --db CONN [--format text|json]</c>: the fleet now, stage by stage (state, gate, clusters
/// by state) and cluster by cluster, and why it halted when it did. Without FLEET: the fleets the store holds.
/// </summary>
internal sealed class FleetStatusCommand(CliConsole console)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string?>("fleet") { Description = "The fleet's name (metadata.name); omitted: list the fleets in the store.", Arity = ArgumentArity.ZeroOrOne };
        var db = FleetStoreAccess.DbOption();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("status", "Show a fleet run: stages, gates, clusters by state, and why it halted.") { fleet, db, format };
        command.SetAction((parse, ct) => new FleetStatusCommand(console).RunAsync(parse.GetValue(fleet), parse.GetValue(db)!, parse.GetValue(format)!, ct));
        return command;
    }

    public async Task<int> RunAsync(string? fleetId, string db, string format, CancellationToken cancellationToken)
    {
        var diagnostics = CommonOptions.DiagnosticFormat(format);
        if (fleetId is null)
        {
            return await ListAsync(db, format, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        // The same lookup as stop, resume and approve: the store opened (ALU7100) and the fleet's run found (ALU7101).
        if (await FleetControl.FindAsync(new FleetControl.Target(fleetId, db, diagnostics), console, cancellationToken).ConfigureAwait(false) is not var (store, _))
        {
            return ExitCodes.InvalidInput;
        }

        var status = (await store.GetStatusAsync(fleetId, cancellationToken).ConfigureAwait(false))!;
        console.Out.Write(format == "json" ? JsonSerializer.Serialize(status, Json) + "\n" : Text(status));
        return ExitCodes.Success;
    }

    private async Task<int> ListAsync(string db, string format, OutputFormat diagnostics, CancellationToken cancellationToken)
    {
        if (await FleetStoreAccess.OpenAsync(db, console, diagnostics, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var fleets = await new FleetStore(database).ListFleetsAsync(cancellationToken).ConfigureAwait(false);
        console.Out.Write(format == "json"
            ? JsonSerializer.Serialize(fleets, Json) + "\n"
            : string.Concat(fleets.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.FleetId,-24} {f.State,-13} started {f.StartedAt:yyyy-MM-dd HH:mm} UTC\n"))));
        return ExitCodes.Success;
    }

    public static string Text(FleetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Fleet {status.FleetName}: {status.State}, started {status.StartedAt:yyyy-MM-dd HH:mm:ss} UTC");
        text.Append(status.FinishedAt is { } end ? string.Create(CultureInfo.InvariantCulture, $", finished {end:yyyy-MM-dd HH:mm:ss} UTC\n") : "\n");
        if (status.HaltReason is { } why)
        {
            text.Append(CultureInfo.InvariantCulture, $"Halted because: {why}\n");
        }

        foreach (var stage in status.Stages)
        {
            var counts = string.Join(", ", stage.Clusters.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
            var gate = stage.Gate is { } g2
                ? g2.ApprovedBy is { } by ? string.Create(CultureInfo.InvariantCulture, $"; gate approved by {by} at {g2.ApprovedAt:yyyy-MM-dd HH:mm} UTC") : g2.Required ? "; gate needs approval" : ""
                : "";
            text.Append(CultureInfo.InvariantCulture, $"\nStage {stage.Name}: {stage.State}{gate} ({counts})\n");
            foreach (var cluster in stage.Clusters)
            {
                var detail = Detail(cluster);
                text.Append(CultureInfo.InvariantCulture, $"  {cluster.Cluster,-24} {cluster.Site,-16} {cluster.State,-12} {detail}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A running cluster's node progress, step and ETA; a waiting one's next window; else why, or its run.</summary>
    private static string Detail(ClusterRunStatus cluster)
    {
        if (cluster.State is ClusterRunState.Running or ClusterRunState.PausedAtGate && ProgressWords.Summary(cluster) is { Length: > 0 } progress)
        {
            var at = cluster.CurrentStep is { } step ? $"; at {step}" : "";
            return $"{progress}; ETA {ProgressWords.Eta(cluster)}{at}{(cluster.Reason is { } why ? "; " + why : "")}";
        }

        if (cluster.State is ClusterRunState.Waiting or ClusterRunState.Queued or ClusterRunState.InWindow && cluster.NextWindow is not null)
        {
            return $"next window {ProgressWords.NextWindow(cluster)}{(cluster.Reason is { } why ? "; " + why : "")}";
        }

        return cluster.Reason ?? cluster.CurrentStep ?? cluster.RunId ?? "";
    }
}
