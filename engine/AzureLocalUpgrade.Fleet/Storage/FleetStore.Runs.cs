using System.Data.Common;
using System.Globalization;
using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>What the fleet engine writes: the seeded run, stage and cluster transitions (fenced), events.</summary>
internal sealed partial class FleetStore
{
    /// <summary>
    /// Records a new fleet run with its stages and clusters; false (and nothing written) when the store already
    /// has a run of this fleet, which the caller then continues: re-running <c>alu fleet run</c> resumes.
    /// </summary>
    public async Task<bool> SeedAsync(FleetRunSeed seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await ReadFleetAsync(connection, transaction, seed.FleetId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return false;
                }

                await Sql.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO alu_fleet_runs (fleet_id, fleet_name, source_path, state, current_stage, time_scale, started_at) VALUES (@fleet, @name, @source, @state, 0, @scale, @now)",
                    cancellationToken,
                    ("@fleet", seed.FleetId), ("@name", seed.FleetName), ("@source", seed.SourcePath), ("@state", nameof(FleetRunState.Running)), ("@scale", seed.TimeScale), ("@now", Sql.Millis(now))).ConfigureAwait(false);
                for (var i = 0; i < seed.Stages.Count; i++)
                {
                    var stage = seed.Stages[i];
                    await Sql.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO alu_fleet_stages (fleet_id, stage_index, name, state, max_concurrent, max_per_site, allowed_failures, soak_ms, approval_required, no_degraded_clusters) "
                        + "VALUES (@fleet, @index, @name, @state, @max, @site, @budget, @soak, @approval, @degraded)",
                        cancellationToken,
                        ("@fleet", seed.FleetId), ("@index", i), ("@name", stage.Name), ("@state", nameof(StageState.Waiting)), ("@max", stage.MaxConcurrent), ("@site", stage.MaxConcurrentPerSite),
                        ("@budget", stage.AllowedFailures), ("@soak", (long)stage.Soak.TotalMilliseconds), ("@approval", stage.ApprovalRequired ? 1 : 0), ("@degraded", stage.NoDegradedClusters ? 1 : 0)).ConfigureAwait(false);
                }

                foreach (var cluster in seed.Clusters)
                {
                    await Sql.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO alu_fleet_clusters (fleet_id, cluster, site, stage_index, runbook, inventory_path, time_zone, windows, parameters, state, reason, plan_text, next_window, nodes_json) "
                        + "VALUES (@fleet, @cluster, @site, @stage, @runbook, @inventory, @zone, @windows, @parameters, @state, @reason, @plan, @window, @progress)",
                        cancellationToken,
                        ("@fleet", seed.FleetId), ("@cluster", cluster.Name), ("@site", cluster.Site), ("@stage", cluster.StageIndex), ("@runbook", cluster.Runbook), ("@inventory", cluster.InventoryPath),
                        ("@zone", cluster.TimeZone), ("@windows", string.Join('\n', cluster.Windows)), ("@parameters", System.Text.Json.JsonSerializer.Serialize(cluster.Parameters)), ("@state", (cluster.StageIndex < 0 ? ClusterRunState.Refused : ClusterRunState.Waiting).ToString()),
                        ("@reason", cluster.Reason), ("@plan", cluster.PlanText), ("@window", Sql.Millis(cluster.PlannedWindow)),
                        ("@progress", cluster.PlannedEnd is { } end ? (ClusterProgress.None with { Eta = end }).ToJson() : null)).ConfigureAwait(false);
                }

                await AppendEventAsync(connection, transaction, seed.FleetId, null, FleetEventKinds.FleetStarted,
                    string.Create(CultureInfo.InvariantCulture, $"fleet {seed.FleetName}: {seed.Clusters.Count(c => c.StageIndex >= 0)} clusters in {seed.Stages.Count} stages, {seed.Clusters.Count(c => c.StageIndex < 0)} refused"),
                    now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    public async Task<FleetRow?> GetFleetAsync(string fleetId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadFleetAsync(connection, null, fleetId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<(FleetRow Fleet, IReadOnlyList<StageRow> Stages, IReadOnlyList<ClusterRow> Clusters)?> GetSnapshotAsync(string fleetId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await ReadFleetAsync(connection, null, fleetId, cancellationToken).ConfigureAwait(false) is not { } fleet)
            {
                return null;
            }

            return (fleet,
                await ReadStagesAsync(connection, null, fleetId, cancellationToken).ConfigureAwait(false),
                await ReadClustersAsync(connection, null, fleetId, null, cancellationToken).ConfigureAwait(false));
        }
    }

    public Task SetFleetStateAsync(string fleetId, FleetRunState state, string? haltReason, DateTimeOffset? finishedAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_runs SET state = @state, halt_reason = @reason, finished_at = @finished WHERE fleet_id = @fleet",
            cancellationToken,
            ("@state", state.ToString()), ("@reason", haltReason), ("@finished", Sql.Millis(finishedAt)), ("@fleet", fleetId));

    public Task SetCurrentStageAsync(string fleetId, int stageIndex, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE alu_fleet_runs SET current_stage = @stage WHERE fleet_id = @fleet", cancellationToken, ("@stage", stageIndex), ("@fleet", fleetId));

    public Task SetStageStateAsync(string fleetId, int stageIndex, StageState state, DateTimeOffset? soakUntil, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_stages SET state = @state, soak_until = COALESCE(@soak, soak_until) WHERE fleet_id = @fleet AND stage_index = @stage",
            cancellationToken,
            ("@state", state.ToString()), ("@soak", Sql.Millis(soakUntil)), ("@fleet", fleetId), ("@stage", stageIndex));

    /// <summary>Waiting → Queued: the stage released the cluster and its trigger was scheduled.</summary>
    public async Task<bool> QueueClusterAsync(string fleetId, string cluster, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE alu_fleet_clusters SET state = @queued WHERE fleet_id = @fleet AND cluster = @cluster AND state = @waiting",
            cancellationToken,
            ("@queued", nameof(ClusterRunState.Queued)), ("@fleet", fleetId), ("@cluster", cluster), ("@waiting", nameof(ClusterRunState.Waiting))).ConfigureAwait(false) == 1;

    /// <summary>Queued → Waiting: a stop arrived before the cluster started; resume releases it again.</summary>
    public Task<int> UnqueueAsync(string fleetId, string cluster, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_clusters SET state = @waiting WHERE fleet_id = @fleet AND cluster = @cluster AND state = @queued",
            cancellationToken,
            ("@waiting", nameof(ClusterRunState.Waiting)), ("@fleet", fleetId), ("@cluster", cluster), ("@queued", nameof(ClusterRunState.Queued)));

    /// <summary>
    /// Takes the cluster for one execution: epoch + 1, holder = this scheduler instance. Returns the new epoch, or
    /// null when the cluster is not runnable (finished, refused). Waiting is accepted: the release schedules the
    /// trigger before it marks the row queued, and an in-process trigger can fire in between. A cluster whose row still says
    /// Running was left by a holder that died or stalled: taking it fences that holder out (its epoch is stale).
    /// </summary>
    public async Task<int?> BeginClusterAsync(string fleetId, string cluster, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var changed = await Sql.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE alu_fleet_clusters SET epoch = epoch + 1, holder = @holder, attempts = attempts + 1, state = @running, started_at = COALESCE(started_at, @now) "
                    + "WHERE fleet_id = @fleet AND cluster = @cluster AND state IN (@queued, @running, @inWindow, @waiting)",
                    cancellationToken,
                    ("@holder", holder), ("@running", nameof(ClusterRunState.Running)), ("@now", Sql.Millis(now)), ("@fleet", fleetId), ("@cluster", cluster),
                    ("@queued", nameof(ClusterRunState.Queued)), ("@inWindow", nameof(ClusterRunState.InWindow)), ("@waiting", nameof(ClusterRunState.Waiting))).ConfigureAwait(false);
                if (changed == 0)
                {
                    return null;
                }

                using var read = Sql.Command(connection, transaction, "SELECT epoch FROM alu_fleet_clusters WHERE fleet_id = @fleet AND cluster = @cluster", ("@fleet", fleetId), ("@cluster", cluster));
                var epoch = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return epoch;
            }
        }
    }

    /// <summary>The running cluster's current step and progress (a <see cref="ClusterProgress"/> document); ignored under a stale epoch.</summary>
    public Task ReportProgressAsync(string fleetId, string cluster, int epoch, string? currentStep, string? runId, string nodesJson, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_clusters SET current_step = @step, run_id = COALESCE(@run, run_id), nodes_json = @nodes WHERE fleet_id = @fleet AND cluster = @cluster AND epoch = @epoch",
            cancellationToken,
            ("@step", currentStep), ("@run", runId), ("@nodes", nodesJson), ("@fleet", fleetId), ("@cluster", cluster), ("@epoch", epoch));

    /// <summary>
    /// Records how the cluster's execution ended, only under the epoch it began with: false means a newer
    /// execution took the cluster meanwhile (this holder was fenced out) and nothing was written.
    /// </summary>
    public async Task<bool> FinishClusterAsync(string fleetId, string cluster, int epoch, ClusterOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var finished = outcome.State is ClusterRunState.Done or ClusterRunState.Failed;
        return await ExecuteAsync(
            "UPDATE alu_fleet_clusters SET state = @state, run_id = COALESCE(@run, run_id), reason = @reason, report_md = COALESCE(@report, report_md), next_window = @window, "
            + "current_step = @step, finished_at = @finished, holder = NULL WHERE fleet_id = @fleet AND cluster = @cluster AND epoch = @epoch",
            cancellationToken,
            ("@state", outcome.State.ToString()), ("@run", outcome.RunId), ("@reason", outcome.Reason), ("@report", outcome.ReportMarkdown), ("@window", Sql.Millis(outcome.NextWindow)),
            ("@step", finished ? null : outcome.CurrentStep), ("@finished", finished ? Sql.Millis(now) : null), ("@fleet", fleetId), ("@cluster", cluster), ("@epoch", epoch)).ConfigureAwait(false) == 1;
    }

    /// <summary>After a fix (<c>alu fleet resume</c>): the stage's failed clusters wait to run again.</summary>
    public Task<int> RequeueFailedAsync(string fleetId, int stageIndex, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_clusters SET state = @waiting, finished_at = NULL, reason = NULL WHERE fleet_id = @fleet AND stage_index = @stage AND state = @failed",
            cancellationToken,
            ("@waiting", nameof(ClusterRunState.Waiting)), ("@fleet", fleetId), ("@stage", stageIndex), ("@failed", nameof(ClusterRunState.Failed)));

    public async Task<FleetEvent> AppendEventAsync(string fleetId, string? cluster, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AppendEventAsync(connection, null, fleetId, cluster, kind, message, at, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<FleetEvent> AppendEventAsync(DbConnection connection, DbTransaction? transaction, string fleetId, string? cluster, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // RETURNING works in both dialects (SQLite 3.35+), so the event comes back with its sequence number.
        using var command = Sql.Command(
            connection,
            transaction,
            "INSERT INTO alu_fleet_events (fleet_id, cluster, kind, message, at) VALUES (@fleet, @cluster, @kind, @message, @at) RETURNING seq",
            ("@fleet", fleetId), ("@cluster", cluster), ("@kind", kind), ("@message", message), ("@at", Sql.Millis(at)));
        var seq = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new FleetEvent(seq, DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), fleetId, cluster, kind, message);
    }

    private async Task<int> ExecuteAsync(string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await Sql.ExecuteAsync(connection, null, text, cancellationToken, parameters).ConfigureAwait(false);
        }
    }
}

/// <summary>How one execution of a cluster job ended, as the fleet tables record it.</summary>
internal sealed record ClusterOutcome(
    ClusterRunState State,
    string? RunId,
    string? Reason,
    string? ReportMarkdown,
    DateTimeOffset? NextWindow = null,
    string? CurrentStep = null);
