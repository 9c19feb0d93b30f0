-- The fleet state tables (ours, next to Quartz's): what a fleet run is doing, stage by stage and cluster by
-- cluster, for `alu fleet status`, the dashboard and the fleet report. One text for SQLite and PostgreSQL:
-- {{SEQUENCE}} is the only dialect difference (an auto-numbered key). Times are Unix milliseconds (UTC),
-- booleans 0/1, so both stores read back the same values. Idempotent: safe at every start.

-- One row per fleet run. The fleet id is the fleet's name: one run of a fleet at a time per store.
CREATE TABLE IF NOT EXISTS alu_fleet_runs (
    fleet_id TEXT NOT NULL PRIMARY KEY,
    fleet_name TEXT NOT NULL,
    source_path TEXT NOT NULL,
    state TEXT NOT NULL,                 -- FleetRunState
    halt_reason TEXT NULL,               -- why it stopped before its end (budget, health check, stop)
    current_stage INTEGER NOT NULL,      -- index into alu_fleet_stages
    time_scale DOUBLE PRECISION NOT NULL,-- virtual seconds per wall second for soaks (1 for real clusters)
    started_at BIGINT NOT NULL,
    finished_at BIGINT NULL);

CREATE TABLE IF NOT EXISTS alu_fleet_stages (
    fleet_id TEXT NOT NULL,
    stage_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,                 -- StageState
    max_concurrent INTEGER NOT NULL,
    max_per_site INTEGER NULL,
    allowed_failures INTEGER NOT NULL,   -- the failure budget resolved against the stage's cluster count
    soak_ms BIGINT NOT NULL,
    approval_required INTEGER NOT NULL,
    no_degraded_clusters INTEGER NOT NULL,
    soak_until BIGINT NULL,              -- wall time the soak trigger fires
    approved_by TEXT NULL,               -- the gate after this stage
    approved_at BIGINT NULL,
    PRIMARY KEY (fleet_id, stage_index));

-- One row per cluster of the fleet. epoch fences a cluster run: every start takes epoch + 1, and a result is
-- recorded only under the epoch it started with, so a stalled holder that wakes up cannot overwrite a newer run.
CREATE TABLE IF NOT EXISTS alu_fleet_clusters (
    fleet_id TEXT NOT NULL,
    cluster TEXT NOT NULL,
    site TEXT NOT NULL,
    stage_index INTEGER NOT NULL,        -- -1: refused by the plan
    runbook TEXT NULL,
    inventory_path TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    windows TEXT NOT NULL,               -- the cluster's windows, one per line, in its own zone
    parameters TEXT NOT NULL,            -- runbook parameter values (JSON object of strings)
    state TEXT NOT NULL,                 -- ClusterRunState, plus Queued while a trigger waits for a worker
    run_id TEXT NULL,
    current_step TEXT NULL,
    nodes_json TEXT NULL,                -- progress (ClusterProgress JSON: nodes, steps, ETA)
    next_window BIGINT NULL,
    started_at BIGINT NULL,
    finished_at BIGINT NULL,
    reason TEXT NULL,
    epoch INTEGER NOT NULL DEFAULT 0,
    holder TEXT NULL,                    -- the scheduler instance running it now
    attempts INTEGER NOT NULL DEFAULT 0,
    plan_text TEXT NULL,
    report_md TEXT NULL,
    PRIMARY KEY (fleet_id, cluster));

CREATE INDEX IF NOT EXISTS alu_fleet_clusters_stage ON alu_fleet_clusters (fleet_id, stage_index, state);

-- Append-only event log; seq orders it across writers (the dashboard polls "after seq").
CREATE TABLE IF NOT EXISTS alu_fleet_events (
    seq {{SEQUENCE}},
    fleet_id TEXT NOT NULL,
    cluster TEXT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    at BIGINT NOT NULL);

CREATE INDEX IF NOT EXISTS alu_fleet_events_fleet ON alu_fleet_events (fleet_id, seq);
