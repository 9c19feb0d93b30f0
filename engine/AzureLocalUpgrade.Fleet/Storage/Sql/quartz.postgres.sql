-- Quartz.NET 4.7.3 ADO.NET job store tables for PostgreSQL, created at start when missing (idempotent: every
-- statement is IF NOT EXISTS, so two workers starting at once, or a restart, change nothing that exists).
-- Column layout follows Quartz's documented schema (quartznet/quartznet, database/tables/tables_postgres.sql)
-- as 4.7.3 extends it (retry, continuation, overlap and pause columns on triggers; paused job groups; fire
-- progress); Quartz validates it at start (SchemaProvisioning.Validate), so a missing column fails loudly.
-- Times are Quartz's ticks (BIGINT); booleans are BOOL; job data is serialized by Quartz (System.Text.Json).

-- One row per stored job (durable jobs stay without triggers: a fleet's cluster jobs live for the whole run).
CREATE TABLE IF NOT EXISTS qrtz_job_details (
    sched_name TEXT NOT NULL,
    job_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    description TEXT NULL,
    job_class_name TEXT NOT NULL,
    is_durable BOOL NOT NULL,
    is_nonconcurrent BOOL NOT NULL,       -- [DisallowConcurrentExecution]: one execution of this job at a time
    is_update_data BOOL NOT NULL,
    requests_recovery BOOL NOT NULL,      -- re-fired on another node when the node running it dies
    job_data BYTEA NULL,
    PRIMARY KEY (sched_name, job_name, job_group));

-- Every trigger; next_fire_time and trigger_state drive acquisition. execution_group routes a trigger to the
-- nodes that serve that group (a fleet puts the cluster's site there).
CREATE TABLE IF NOT EXISTS qrtz_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    job_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    description TEXT NULL,
    next_fire_time BIGINT NULL,
    prev_fire_time BIGINT NULL,
    priority INTEGER NULL,
    trigger_state TEXT NOT NULL,
    trigger_type TEXT NOT NULL,
    start_time BIGINT NOT NULL,
    end_time BIGINT NULL,
    calendar_name TEXT NULL,
    misfire_instr SMALLINT NULL,
    misfire_orig_fire_time BIGINT NULL,
    execution_group VARCHAR(200) NULL,
    preferred_node VARCHAR(200) NULL,
    preferred_node_auto BOOL NOT NULL DEFAULT FALSE,
    retry_policy VARCHAR(250) NULL,
    retry_attempt INTEGER NULL,
    continues_trigger_name TEXT NULL,     -- job continuations: this trigger fires when that one completes
    continues_trigger_group TEXT NULL,
    continuation_condition INTEGER NULL,
    overlap_policy INTEGER NULL,
    pause_reason VARCHAR(250) NULL,
    paused_by VARCHAR(200) NULL,
    paused_at BIGINT NULL,
    misfire_threshold BIGINT NULL,
    fixed_delay BOOL NULL,
    job_data BYTEA NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));

-- Per-type trigger details, removed with their trigger.
CREATE TABLE IF NOT EXISTS qrtz_simple_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    repeat_count BIGINT NOT NULL,
    repeat_interval BIGINT NOT NULL,
    times_triggered BIGINT NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_simprop_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    str_prop_1 TEXT NULL,
    str_prop_2 TEXT NULL,
    str_prop_3 TEXT NULL,
    int_prop_1 INTEGER NULL,
    int_prop_2 INTEGER NULL,
    long_prop_1 BIGINT NULL,
    long_prop_2 BIGINT NULL,
    dec_prop_1 NUMERIC NULL,
    dec_prop_2 NUMERIC NULL,
    bool_prop_1 BOOL NULL,
    bool_prop_2 BOOL NULL,
    time_zone_id TEXT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_cron_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    cron_expression TEXT NOT NULL,
    time_zone_id TEXT,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_blob_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    blob_data BYTEA NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS qrtz_calendars (
    sched_name TEXT NOT NULL,
    calendar_name TEXT NOT NULL,
    calendar BYTEA NOT NULL,
    PRIMARY KEY (sched_name, calendar_name));

-- Paused trigger groups and job groups, with who paused them and why.
CREATE TABLE IF NOT EXISTS qrtz_paused_trigger_grps (
    sched_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    pause_reason VARCHAR(250) NULL,
    paused_by VARCHAR(200) NULL,
    paused_at BIGINT NULL,
    PRIMARY KEY (sched_name, trigger_group));

CREATE TABLE IF NOT EXISTS qrtz_paused_job_grps (
    sched_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    pause_reason VARCHAR(250) NULL,
    paused_by VARCHAR(200) NULL,
    paused_at BIGINT NULL,
    PRIMARY KEY (sched_name, job_group));

-- Firings in flight: a row per acquired or executing trigger, with the node that holds it. A node that stops
-- checking in has its rows recovered by another node (jobs that request recovery are fired again).
CREATE TABLE IF NOT EXISTS qrtz_fired_triggers (
    sched_name TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    instance_name TEXT NOT NULL,
    fired_time BIGINT NOT NULL,
    sched_time BIGINT NOT NULL,
    priority INTEGER NOT NULL,
    state TEXT NOT NULL,
    job_name TEXT NULL,
    job_group TEXT NULL,
    is_nonconcurrent BOOL NOT NULL,
    requests_recovery BOOL NULL,
    execution_group VARCHAR(200) NULL,
    progress INTEGER NULL,
    progress_message VARCHAR(250) NULL,
    interrupt_requested_time BIGINT NULL,
    PRIMARY KEY (sched_name, entry_id));

-- Cluster membership: each node's last check-in (a worker is one node, with its own instance id).
CREATE TABLE IF NOT EXISTS qrtz_scheduler_state (
    sched_name TEXT NOT NULL,
    instance_name TEXT NOT NULL,
    last_checkin_time BIGINT NOT NULL,
    checkin_interval BIGINT NOT NULL,
    quartz_version VARCHAR(20) NULL,
    PRIMARY KEY (sched_name, instance_name));

-- Rows locked with SELECT ... FOR UPDATE to serialize trigger acquisition and recovery across nodes.
CREATE TABLE IF NOT EXISTS qrtz_locks (
    sched_name TEXT NOT NULL,
    lock_name TEXT NOT NULL,
    PRIMARY KEY (sched_name, lock_name));

-- The lookups Quartz makes on every acquisition and recovery pass.
CREATE INDEX IF NOT EXISTS idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
