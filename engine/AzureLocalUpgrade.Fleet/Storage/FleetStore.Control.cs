using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>What the operator commands change: stop, resume, approvals given ahead of time.</summary>
internal sealed partial class FleetStore
{
    /// <summary>Running or paused → Stopped: no cluster is released any more; clusters running now finish their run.</summary>
    public async Task<bool> StopAsync(string fleetId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(
            "UPDATE alu_fleet_runs SET state = @stopped, halt_reason = @reason WHERE fleet_id = @fleet AND state IN (@running, @gate)",
            cancellationToken,
            ("@stopped", nameof(FleetRunState.Stopped)), ("@reason", $"stopped by {by}"), ("@fleet", fleetId), ("@running", nameof(FleetRunState.Running)), ("@gate", nameof(FleetRunState.PausedAtGate))).ConfigureAwait(false);
        if (changed == 1)
        {
            await AppendEventAsync(fleetId, null, FleetEventKinds.FleetStopped, $"fleet stopped by {by}: no further cluster starts; running clusters finish their run", at, cancellationToken).ConfigureAwait(false);
        }

        return changed == 1;
    }

    /// <summary>
    /// Halted or stopped → running: the halted stage runs again with its failed clusters waiting to be retried
    /// (after the fix the runbook converges, so a retried cluster redoes only what is not done).
    /// </summary>
    public async Task<bool> ResumeAsync(string fleetId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var fleet = await ReadFleetAsync(connection, transaction, fleetId, cancellationToken).ConfigureAwait(false);
                if (fleet is not { State: FleetRunState.Halted or FleetRunState.Stopped })
                {
                    return false;
                }

                var stages = await ReadStagesAsync(connection, transaction, fleetId, cancellationToken).ConfigureAwait(false);
                var paused = stages.Any(s => s.State == StageState.AwaitingApproval && s.ApprovedBy is null);
                await Sql.ExecuteAsync(connection, transaction, "UPDATE alu_fleet_runs SET state = @state, halt_reason = NULL WHERE fleet_id = @fleet", cancellationToken,
                    ("@state", (paused ? FleetRunState.PausedAtGate : FleetRunState.Running).ToString()), ("@fleet", fleetId)).ConfigureAwait(false);
                var requeued = 0;
                if (fleet.State == FleetRunState.Halted)
                {
                    await Sql.ExecuteAsync(connection, transaction, "UPDATE alu_fleet_stages SET state = @running WHERE fleet_id = @fleet AND stage_index = @stage AND state = @halted", cancellationToken,
                        ("@running", nameof(StageState.Running)), ("@fleet", fleetId), ("@stage", fleet.CurrentStage), ("@halted", nameof(StageState.Halted))).ConfigureAwait(false);
                    requeued = await Sql.ExecuteAsync(connection, transaction,
                        "UPDATE alu_fleet_clusters SET state = @waiting, finished_at = NULL, reason = NULL WHERE fleet_id = @fleet AND stage_index = @stage AND state = @failed", cancellationToken,
                        ("@waiting", nameof(ClusterRunState.Waiting)), ("@fleet", fleetId), ("@stage", fleet.CurrentStage), ("@failed", nameof(ClusterRunState.Failed))).ConfigureAwait(false);
                }

                await AppendEventAsync(connection, transaction, fleetId, null, FleetEventKinds.FleetResumed,
                    $"fleet resumed by {by}" + (requeued > 0 ? $"; {requeued} failed clusters of the halted stage will run again" : ""), at, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <summary>Approves a stage's gate before it is reached (<c>alu fleet run --approve STAGE</c>): the stage then moves straight on.</summary>
    public Task<int> PreApproveAsync(string fleetId, string stage, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE alu_fleet_stages SET approved_by = @by, approved_at = @at WHERE fleet_id = @fleet AND name = @stage AND approval_required = 1 AND approved_by IS NULL",
            cancellationToken,
            ("@by", by), ("@at", Sql.Millis(at)), ("@fleet", fleetId), ("@stage", stage));
}
