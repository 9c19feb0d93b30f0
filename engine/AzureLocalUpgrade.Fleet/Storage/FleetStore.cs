using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>
/// The fleet state tables over ADO.NET, one implementation for SQLite and PostgreSQL. This half is what readers
/// and approvers see (<see cref="IFleetStatusStore"/>); <c>FleetStore.Runs.cs</c> is what the fleet engine writes.
/// </summary>
internal sealed partial class FleetStore(FleetDatabase database) : IFleetStatusStore
{
    /// <summary>The status's last group: the clusters the plan refused, which belong to no stage (and have no gate).</summary>
    public const string RefusedGroup = "(refused)";

    public FleetDatabase Database => database;

    public async Task<IReadOnlyList<FleetSummary>> ListFleetsAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Sql.Command(connection, null, "SELECT fleet_id, fleet_name, state, started_at FROM alu_fleet_runs ORDER BY started_at DESC, fleet_id");
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var fleets = new List<FleetSummary>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                fleets.Add(new FleetSummary(reader.GetString(0), reader.GetString(1), Enum.Parse<FleetRunState>(reader.GetString(2)), Sql.Time(reader, 3)!.Value));
            }

            return fleets;
        }
    }

    public async Task<FleetStatus?> GetStatusAsync(string fleetId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await ReadFleetAsync(connection, null, fleetId, cancellationToken).ConfigureAwait(false) is not { } fleet)
            {
                return null;
            }

            var stages = await ReadStagesAsync(connection, null, fleetId, cancellationToken).ConfigureAwait(false);
            var clusters = await ReadClustersAsync(connection, null, fleetId, null, cancellationToken).ConfigureAwait(false);
            var stageStatuses = stages.Select(s => new StageStatus(
                s.Plan.Name,
                s.State,
                s.Plan.ApprovalRequired || s.ApprovedBy is not null ? new GateStatus(s.Plan.Name, s.Plan.ApprovalRequired, s.ApprovedBy, s.ApprovedAt) : null,
                [.. clusters.Where(c => c.StageIndex == s.Index).Select(ToStatus)])).ToList();
            var refused = clusters.Where(c => c.StageIndex < 0).Select(ToStatus).ToList();
            if (refused.Count > 0)
            {
                // Refused clusters belong to no stage; the status shows them as a last, never-running group.
                stageStatuses.Add(new StageStatus(RefusedGroup, StageState.Done, null, refused));
            }

            return new FleetStatus(fleet.FleetId, fleet.FleetName, fleet.State, fleet.HaltReason, fleet.StartedAt, fleet.FinishedAt, stageStatuses);
        }
    }

    public async Task<IReadOnlyList<FleetEvent>> GetEventsAsync(string fleetId, string? cluster, long afterSequence, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Sql.Command(
                connection,
                null,
                // PostgreSQL cannot type a parameter that is only ever NULL: the cluster filter is added only when given.
                "SELECT seq, at, fleet_id, cluster, kind, message FROM alu_fleet_events WHERE fleet_id = @fleet AND seq > @after"
                + (cluster is null ? "" : " AND cluster = @cluster") + " ORDER BY seq",
                ("@fleet", fleetId), ("@after", afterSequence), ("@cluster", cluster ?? ""));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var events = new List<FleetEvent>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new FleetEvent(Sql.Long(reader, 0), Sql.Time(reader, 1)!.Value, reader.GetString(2), Sql.Text(reader, 3), reader.GetString(4), reader.GetString(5)));
            }

            return events;
        }
    }

    public Task<string?> GetClusterReportAsync(string fleetId, string cluster, CancellationToken cancellationToken) =>
        ReadClusterTextAsync(fleetId, cluster, "report_md", cancellationToken);

    public Task<string?> GetClusterPlanAsync(string fleetId, string cluster, CancellationToken cancellationToken) =>
        ReadClusterTextAsync(fleetId, cluster, "plan_text", cancellationToken);

    /// <summary>
    /// Marks the gate after <paramref name="stage"/> approved, only while that stage awaits approval (a single
    /// conditional UPDATE, so two operators approving at once record one approval). The engine is then asked to
    /// advance by whoever approved (<c>alu fleet approve</c> and the dashboard trigger the fleet's advance job).
    /// </summary>
    public async Task<bool> ApproveAsync(string fleetId, string stage, string approvedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var changed = await Sql.ExecuteAsync(
                connection,
                null,
                "UPDATE alu_fleet_stages SET approved_by = @by, approved_at = @at WHERE fleet_id = @fleet AND name = @stage AND state = @awaiting AND approved_by IS NULL",
                cancellationToken,
                ("@by", approvedBy), ("@at", Sql.Millis(at)), ("@fleet", fleetId), ("@stage", stage), ("@awaiting", nameof(StageState.AwaitingApproval))).ConfigureAwait(false);
            if (changed == 0)
            {
                return false;
            }

            await AppendEventAsync(connection, null, fleetId, null, FleetEventKinds.GateApproved, $"gate after stage {stage} approved by {approvedBy}", at, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private async Task<string?> ReadClusterTextAsync(string fleetId, string cluster, string column, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Sql.Command(connection, null, $"SELECT {column} FROM alu_fleet_clusters WHERE fleet_id = @fleet AND cluster = @cluster", ("@fleet", fleetId), ("@cluster", cluster));
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is string text ? text : null;
        }
    }

    private static ClusterRunStatus ToStatus(ClusterRow row)
    {
        var progress = ClusterProgress.Parse(row.NodesJson);
        var finished = row.State is ClusterRunState.Done or ClusterRunState.Failed or ClusterRunState.Refused;
        return new ClusterRunStatus(
            row.Cluster,
            row.Site,
            row.Runbook,
            row.State,
            row.RunId,
            row.CurrentStep,
            progress.Nodes,
            finished ? null : row.NextWindow,
            finished ? null : progress.Eta,
            row.StartedAt,
            row.FinishedAt,
            row.Reason,
            progress.StepsDone,
            progress.StepsTotal,
            progress.EtaIsVirtualTime,
            row.StageIndex < 0 ? null : row.TimeZone);
    }

    internal static async Task<FleetRow?> ReadFleetAsync(DbConnection connection, DbTransaction? transaction, string fleetId, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(
            connection,
            transaction,
            "SELECT fleet_id, fleet_name, source_path, state, halt_reason, current_stage, time_scale, started_at, finished_at FROM alu_fleet_runs WHERE fleet_id = @fleet",
            ("@fleet", fleetId));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new FleetRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Enum.Parse<FleetRunState>(reader.GetString(3)),
            Sql.Text(reader, 4),
            Sql.Int(reader, 5)!.Value,
            Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture),
            Sql.Time(reader, 7)!.Value,
            Sql.Time(reader, 8));
    }

    internal static async Task<IReadOnlyList<StageRow>> ReadStagesAsync(DbConnection connection, DbTransaction? transaction, string fleetId, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(
            connection,
            transaction,
            "SELECT stage_index, name, state, max_concurrent, max_per_site, allowed_failures, soak_ms, approval_required, no_degraded_clusters, soak_until, approved_by, approved_at FROM alu_fleet_stages WHERE fleet_id = @fleet ORDER BY stage_index",
            ("@fleet", fleetId));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var stages = new List<StageRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var plan = new StageSeed(
                reader.GetString(1),
                Sql.Int(reader, 3)!.Value,
                Sql.Int(reader, 4),
                Sql.Int(reader, 5)!.Value,
                TimeSpan.FromMilliseconds(Sql.Long(reader, 6)),
                Sql.Int(reader, 7) == 1,
                Sql.Int(reader, 8) == 1);
            stages.Add(new StageRow(
                Sql.Int(reader, 0)!.Value,
                plan,
                Enum.Parse<StageState>(reader.GetString(2)),
                Sql.Time(reader, 9),
                Sql.Text(reader, 10),
                Sql.Time(reader, 11)));
        }

        return stages;
    }

    internal static async Task<IReadOnlyList<ClusterRow>> ReadClustersAsync(DbConnection connection, DbTransaction? transaction, string fleetId, int? stageIndex, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(
            connection,
            transaction,
            "SELECT cluster, site, stage_index, runbook, inventory_path, time_zone, windows, parameters, state, run_id, current_step, nodes_json, next_window, started_at, finished_at, reason, epoch, holder, attempts "
            + "FROM alu_fleet_clusters WHERE fleet_id = @fleet" + (stageIndex is null ? "" : " AND stage_index = @stage") + " ORDER BY stage_index, cluster",
            ("@fleet", fleetId), ("@stage", stageIndex ?? 0));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var clusters = new List<ClusterRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            clusters.Add(new ClusterRow(
                reader.GetString(0),
                reader.GetString(1),
                Sql.Int(reader, 2)!.Value,
                Sql.Text(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(7)) ?? [],
                Enum.Parse<ClusterRunState>(reader.GetString(8)),
                Sql.Text(reader, 9),
                Sql.Text(reader, 10),
                Sql.Text(reader, 11),
                Sql.Time(reader, 12),
                Sql.Time(reader, 13),
                Sql.Time(reader, 14),
                Sql.Text(reader, 15),
                Sql.Int(reader, 16)!.Value,
                Sql.Text(reader, 17),
                Sql.Int(reader, 18)!.Value));
        }

        return clusters;
    }
}
