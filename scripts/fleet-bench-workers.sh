#!/usr/bin/env bash
# Workers against one PostgreSQL, for docs/performance.md ("Fleets (issue 13)"): a throw-away PostgreSQL 15 server
# (initdb + pg_ctl as the postgres user, 127.0.0.1 on a free port, trust authentication, fsync off: the same setup
# as the tests' fixture, tests/AzureLocalUpgrade.Fleet.Tests/Postgres/PostgresServer.cs), a generated 24-cluster
# simulated fleet (8 sites x 3 clusters of retail-120's inventories, one stage of 24 at once, no windows, no soak),
# then `alu fleet start` and one worker serving every site, then the same with two workers serving half the sites
# each. Each worker runs --max-concurrent clusters at once (default 4, as alu's default). Wall time is from the
# workers' start until the fleet's row says it finished. Prints both wall times and their ratio.
#
#   scripts/fleet-bench-workers.sh
#   MAX_CONCURRENT=2 ALU=/path/to/published/alu scripts/fleet-bench-workers.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pg_bin=${ALU_PG_BIN:-/usr/lib/postgresql/15/bin}
max_concurrent=${MAX_CONCURRENT:-4}
work=$(mktemp -d /tmp/alu-fleet-bench.XXXXXX)
chmod 755 "$work"
pg_data=$work/pg
pids=()
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -f "$pg_data/postmaster.pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

alu=${ALU:-}
if [ -z "$alu" ]; then
  echo "Publishing alu (Release, linux-x64, ReadyToRun)..."
  dotnet publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" -c Release -r linux-x64 --self-contained false \
    -o "$work/alu" -v q -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  alu=$work/alu/alu
fi

# The server.
mkdir -p "$pg_data"
if [ "$(id -u)" = 0 ]; then chown postgres "$pg_data"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 200\n" "$port" "$pg_data" >>"$pg_data/postgresql.conf"
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/log" -w start >/dev/null
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -At "$@"; }

# The fleet: 8 sites x 3 clusters.
fleet_dir=$work/fleet
mkdir -p "$fleet_dir/inventories"
sites=(use-s04 use-s05 use-s06 use-s07 usc-s04 usc-s05 usc-s06 usc-s07)
{
  echo "apiVersion: azurelocal.upgrade/v1"
  echo "kind: Fleet"
  echo "metadata: { name: bench-24, description: 24 simulated clusters on 8 sites for the workers benchmark }"
  echo "defaults:"
  echo "  runbook: { select: { target: 24H2, prefer: [cau, sconfig] } }"
  echo "  parameters: { vmShutdown: none, isoPath: 'C:\\ISO\\AzureLocal-2505.iso' }"
  echo "clusters:"
  for site in "${sites[@]}"; do
    cp -r "$root/samples/fleets/inventories/retail-120/${site%%-*}/$site" "$fleet_dir/inventories/$site"
    echo "  - { inventory: inventories/$site/*.yaml, labels: { site: $site } }"
  done
  echo "stages:"
  echo "  - { name: all, groups: [ { matchLabels: {} } ], maxConcurrent: 24, failureBudget: 0 }"
} >"$fleet_dir/bench-24.yaml"

# One round: a fresh database, `alu fleet start`, the workers, wait for the fleet's end.
round() {
  local name=$1; shift
  local db="Host=127.0.0.1;Port=$port;Database=$name;Username=postgres"
  psql -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null
  "$alu" fleet start "$fleet_dir/bench-24.yaml" --db "$db" --runbooks "$root/runbooks" >"$work/$name.start" 2>&1
  local start end state n=0
  start=$(date +%s%N)
  pids=()
  for sites_of_worker in "$@"; do
    n=$((n + 1))
    local args=()
    for site in $sites_of_worker; do args+=(--site "$site"); done
    "$alu" fleet worker --db "$db" "${args[@]}" --max-concurrent "$max_concurrent" --instance-id "$name-w$n" \
      --state-dir "$work/$name-state-$n" >"$work/$name-w$n.log" 2>&1 &
    pids+=($!)
  done
  while true; do
    state=$(psql -d "$name" -c "SELECT state FROM alu_fleet_runs WHERE fleet_id = 'bench-24'" 2>/dev/null || true)
    case "$state" in Succeeded|Failed|Halted|Stopped) break ;; esac
    sleep 0.2
  done
  end=$(date +%s%N)
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  local done_count
  done_count=$(psql -d "$name" -c "SELECT count(*) FROM alu_fleet_clusters WHERE fleet_id = 'bench-24' AND state = 'Done'")
  if [ "$state" != Succeeded ]; then
    # Why, on stderr (the caller reads stdout): the fleet's halt reason and the failed clusters' last words.
    psql -d "$name" -c "SELECT halt_reason FROM alu_fleet_runs WHERE fleet_id = 'bench-24'" >&2 || true
    psql -d "$name" -c "SELECT cluster, state, coalesce(reason, '') FROM alu_fleet_clusters WHERE fleet_id = 'bench-24' AND state = 'Failed'" >&2 || true
    tail -n 5 "$work/$name"-w*.log >&2 || true
  fi
  echo "$(((end - start) / 1000000)) $state $done_count"
}

echo "PostgreSQL on 127.0.0.1:$port; fleet bench-24 (24 clusters, 8 sites); --max-concurrent $max_concurrent per worker"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
round one "${sites[*]}" >"$work/one.result"
read -r one_ms one_state one_done <"$work/one.result"
echo "1 worker : $(awk -v m="$one_ms" 'BEGIN {printf "%.1f", m/1000}') s  fleet $one_state, $one_done clusters upgraded  (load $(cut -d' ' -f1-3 /proc/loadavg))"
round two "${sites[*]:0:4}" "${sites[*]:4:4}" >"$work/two.result"
read -r two_ms two_state two_done <"$work/two.result"
echo "2 workers: $(awk -v m="$two_ms" 'BEGIN {printf "%.1f", m/1000}') s  fleet $two_state, $two_done clusters upgraded  (load $(cut -d' ' -f1-3 /proc/loadavg))"
if [ "$one_state" = Succeeded ] && [ "$two_state" = Succeeded ]; then
  echo "speed-up : $(awk -v a="$one_ms" -v b="$two_ms" 'BEGIN {printf "%.2f", a/b}')x"
else
  echo "speed-up : none (a round did not succeed; see above)"
fi
