#!/usr/bin/env bash
# Durability soak: random SIGKILL / SIGTERM / SIGSTOP-past-lease trials of whole simulated upgrades, resumed the way
# an operator or a scheduler would, compared against uninterrupted runs. Not part of the test suite (it takes
# minutes to hours); the result of a 100-trial run is in docs/soak.md.
#
#   scripts/soak.sh [TRIALS] [SEED]            # defaults: 20 trials, seed 1
#   KEEP=1 scripts/soak.sh 5 7                 # keep the state folders of failed trials for a post-mortem
#   ALU=/path/to/alu scripts/soak.sh           # use an already built alu instead of publishing one
#   MINUTES=30 scripts/soak.sh 100             # start no new trial after 30 minutes; the summary counts those run
#   LEASE=5s scripts/soak.sh                   # real lease expiry: every alu gets a 5 s lease (ALU_TEST_LOCK_LEASE)
#                                              # and a stopped holder is left stopped until it has passed
#
# One trial: pick a shipped runbook and a sample cluster (the 22H2 runbooks also on the 16-node cluster), start
# `alu run`, and when its journal reaches a random length hit it with one of
#   kill  SIGKILL (a crash)
#   term  SIGTERM (a scheduler stopping it; alu stops after its grace period, exit 130)
#   stop  SIGSTOP, then its lease is expired (with LEASE set, by waiting it out under the test hook
#         ALU_TEST_LOCK_LEASE; otherwise the lock file's leaseExpiresAt is moved into the past, which is what waiting
#         out the 2-minute lease would do), `alu resume` takes the run over, and the stopped process is woken with
#         SIGCONT while the new holder works: the stalled-holder case of issue 11 item 1
# Half of the trials chain a second (and a quarter a third) hit on the process that resumed the run. The run is
# then resumed until it ends: `alu resume RUN --approve '*'`, adding `--retry STEP` for every step the run names as
# interrupted (what the operator decides after checking; docs/unattended.md section 5), and `alu run --continue`
# when the first process died before the run existed. A trial passes when the last resume exits 0, every node runs
# the target build, no node was drained, restarted or feature-updated more often than in an uninterrupted run of
# the same runbook on the same cluster, no process worked on the run after losing it, and every journal line parses.
#
# Overlap: a process woken from SIGSTOP after another took its run over must start nothing more; any step-started
# or step-finished line it prints after SIGCONT is counted as an overlap (two processes executing the same run).
set -uo pipefail

trials=${1:-20}
seed=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RANDOM=$seed
if [ -n "${LEASE:-}" ]; then export ALU_TEST_LOCK_LEASE=$LEASE; fi
limit=600 # seconds any one alu process may take before the trial counts it as hung

if [ -n "${ALU:-}" ]; then
  alu=$ALU
else
  echo "Publishing alu (Release)..."
  dotnet publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" -c Release -o "$work/alu" -v q -nologo \
    >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  alu=$work/alu/alu
fi

runbooks=(22h2-to-23h2/sconfig 22h2-to-23h2/cau 22h2-to-23h2/offline 22h2-to-23h2/wac 22h2-to-24h2/sconfig 22h2-to-24h2/cau
  22h2-to-24h2/offline 23h2-to-24h2/sconfig 23h2-to-24h2/cau 23h2-to-24h2/offline post-upgrade/23h2 post-upgrade/24h2)

pick_cluster() { # runbook -> $cluster, a sample cluster (22H2 runbooks: the 16-node cluster one time in three)
  case $1 in
    22h2-*) if [ $((RANDOM % 3)) -eq 0 ]; then cluster=sixteen-node-22h2; else cluster=four-node-22h2; fi ;;
    23h2-*|post-upgrade/23h2) cluster=four-node-23h2 ;;
    post-upgrade/24h2) cluster=four-node-24h2 ;;
  esac
}
settings_for() { # the values an operator must state (as tests/AzureLocalUpgrade.Cli.Tests/Simulated/ShippedRunbook.cs)
  case $1 in
    22h2-to-23h2/cau) printf '%s\n' --set 'orchestratorOs=Windows Server 2022' ;;
    *-to-24h2/*) printf '%s\n' --set 'isoPath=C:\ISO\AzureLocal-2505.iso' ;;
  esac
}
target_for() { case $1 in *to-24h2/*|post-upgrade/24h2) echo 26100 ;; *) echo 25398 ;; esac; }

journal_of() { ls "$1"/runs/*/journal.jsonl 2>/dev/null | head -1; }
journal_lines() { local j; j=$(journal_of "$1"); [ -n "$j" ] && wc -l <"$j" || echo 0; }
run_id_of() { local j; j=$(journal_of "$1"); [ -n "$j" ] && basename "$(dirname "$j")"; }
# "node drains reboots featureUpdates build" per node, from alu sim status.
counters() { "$alu" sim status --cluster "$root/samples/clusters/$2.yaml" --state-dir "$1" 2>/dev/null |
  # The node table (ASCII borders when not a terminal): | NODE | BUILD | STATE | DRAINS | REBOOTS | FEATURE UPDATES |
  awk -F'|' 'NF >= 8 && $2 !~ /NODE/ && $2 !~ /^-+$/ {
    for (i = 2; i <= 7; i++) gsub(/ /, "", $i); print $2, $5, $6, $7, $3 }'; }
bad_journal_lines() {
  local j; j=$(journal_of "$1"); [ -z "$j" ] && { echo 0; return; }
  python3 -c 'import json,sys
bad=0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    try: json.loads(line)
    except ValueError: bad+=1
print(bad)' "$j"
}

alive() { kill -0 "$1" 2>/dev/null && ! ps -o stat= -p "$1" | grep -q Z; }

# Waits for a child process, at most $limit seconds; a process still running then is killed and the trial marked hung.
wait_for() {
  local waited=0
  while alive "$1"; do
    if [ $waited -ge $((limit * 10)) ]; then kill -KILL "$1"; hung=1; break; fi
    sleep 0.1; waited=$((waited + 1))
  done
  wait "$1" 2>/dev/null
}

# The uninterrupted reference of each runbook on each cluster, computed once.
declare -A reference_counters reference_length
reference() {
  local key="$1@$2" state
  [ -n "${reference_counters[$key]:-}" ] && return
  state=$(mktemp -d -p "$work")
  mapfile -t set_args < <(settings_for "$1")
  "$alu" run "$root/runbooks/$1.yaml" --cluster "$root/samples/clusters/$2.yaml" --state-dir "$state" --approve '*' "${set_args[@]}" \
    >"$state/out" 2>&1 || { echo "reference run of $key failed:"; tail -5 "$state/out"; exit 1; }
  reference_counters[$key]=$(counters "$state" "$2")
  reference_length[$key]=$(journal_lines "$state")
  rm -rf "$state"
}

# Both set $started to the new process and write its output to process-N.out.
start_first() { # state runbook cluster (alu run)
  mapfile -t set_args < <(settings_for "$2")
  process_count=$((process_count + 1))
  "$alu" run "$root/runbooks/$2.yaml" --cluster "$root/samples/clusters/$3.yaml" --state-dir "$1" --approve '*' "${set_args[@]}" \
    --log-format text >"$1/process-$process_count.out" 2>&1 &
  started=$!
}
start_resume() { # state runbook cluster (alu resume, or run --continue before the run exists)
  local run; run=$(run_id_of "$1")
  mapfile -t set_args < <(settings_for "$2")
  process_count=$((process_count + 1))
  if [ -n "$run" ]; then
    "$alu" resume "$run" --state-dir "$1" --approve '*' --log-format text >"$1/process-$process_count.out" 2>&1 &
  else
    "$alu" run "$root/runbooks/$2.yaml" --cluster "$root/samples/clusters/$3.yaml" --state-dir "$1" --approve '*' "${set_args[@]}" \
      --continue --log-format text >"$1/process-$process_count.out" 2>&1 &
  fi
  started=$!
}

expire_lease() { # waits out the shortened lease, or moves the lease of every lock in the state folder into the past
  local lock
  if [ -n "${LEASE:-}" ]; then
    sleep "$(awk -v l="$LEASE" 'BEGIN { n = l + 0; if (l ~ /m$/) n *= 60; print n + 1 }')"
    return
  fi
  for lock in "$1"/locks/*.json; do
    [ -f "$lock" ] || continue
    jq '.leaseExpiresAt = "2000-01-01T00:00:00+00:00"' "$lock" >"$lock.soak" 2>/dev/null && mv "$lock.soak" "$lock"
  done
}

total_pass=0 total_overlaps=0 total_bad_lines=0 total_extra_drains=0 total_extra_reboots=0 total_extra_updates=0
declare -A by_mode_trials by_mode_pass
failures=()
printf '%-5s %-24s %-18s %-15s %-6s %-22s %s\n' trial runbook cluster hits exit "extra d/r/u, overlaps" verdict
started_at=$(date +%s)
done_trials=0
for trial in $(seq "$trials"); do
  if [ -n "${MINUTES:-}" ] && [ $(($(date +%s) - started_at)) -ge $((MINUTES * 60)) ]; then
    echo "time budget of $MINUTES minutes used: stopping after $done_trials trials"; break
  fi
  done_trials=$trial
  runbook=${runbooks[$((RANDOM % ${#runbooks[@]}))]}
  pick_cluster "$runbook"
  reference "$runbook" "$cluster"
  key="$runbook@$cluster"
  state=$(mktemp -d -p "$work")
  process_count=0
  hits=$((1 + (RANDOM % 2 == 0 ? 1 : 0) + (RANDOM % 4 == 0 ? 1 : 0)))
  modes=() overlaps=0 hung=0
  start_first "$state" "$runbook" "$cluster"; pid=$started
  for ((h = 0; h < hits; h++)); do
    case $((RANDOM % 3)) in 0) mode=kill ;; 1) mode=term ;; *) mode=stop ;; esac
    # Hit at a random journal length between what is written now and the uninterrupted run's length.
    now=$(journal_lines "$state")
    span=$((reference_length[$key] - now))
    point=$((now + 1 + (span > 2 ? RANDOM % (span - 1) : 0)))
    while alive "$pid" && [ "$(journal_lines "$state")" -lt "$point" ]; do sleep 0.05; done
    alive "$pid" || break # it finished (or failed) before the hit
    modes+=("$mode")
    case $mode in
      kill) kill -KILL "$pid"; wait_for "$pid" ;;
      term) kill -TERM "$pid"; wait_for "$pid" ;;
      stop)
        kill -STOP "$pid"
        stalled_out=$state/process-$process_count.out
        expire_lease "$state"
        start_resume "$state" "$runbook" "$cluster"; taker=$started
        # Let the new holder take the run over and work a little before the stalled one wakes.
        before=$(journal_lines "$state")
        for _ in $(seq 200); do
          alive "$taker" || break
          [ "$(journal_lines "$state")" -gt $((before + 3)) ] && break
          sleep 0.05
        done
        seen=$(grep -cE ' step-(started|finished) ' "$stalled_out")
        kill -CONT "$pid"
        wait_for "$pid"
        late=$(($(grep -cE ' step-(started|finished) ' "$stalled_out") - seen))
        overlaps=$((overlaps + (late > 0 ? 1 : 0)))
        pid=$taker
        continue ;;
    esac
    # Chain: the next hit lands on the process that resumes the run.
    if [ $((h + 1)) -lt "$hits" ]; then start_resume "$state" "$runbook" "$cluster"; pid=$started; fi
  done
  wait_for "$pid"

  # Recovery: resume until the run ends, retrying the steps it names as interrupted.
  code=none
  decisions=()
  for attempt in $(seq 8); do
    run=$(run_id_of "$state")
    out=$state/recovery-$attempt.out
    if [ -n "$run" ]; then
      "$alu" resume "$run" --state-dir "$state" --approve '*' "${decisions[@]}" --log-format text >"$out" 2>&1; code=$?
    else
      mapfile -t set_args < <(settings_for "$runbook")
      "$alu" run "$root/runbooks/$runbook.yaml" --cluster "$root/samples/clusters/$cluster.yaml" --state-dir "$state" --approve '*' \
        "${set_args[@]}" --continue --log-format text >"$out" 2>&1; code=$?
    fi
    [ "$code" = 0 ] && break
    if [ "$code" = 3 ]; then
      mapfile -t asked < <(grep -oE -- '--retry [^ ]+ to run it again' "$out" | awk '{print $2}' | sort -u)
      for step in "${asked[@]}"; do decisions+=(--retry "$step"); done
    elif [ "$code" = 4 ]; then
      sleep 2
    fi
  done

  target=$(target_for "$runbook")
  at_target=1 extra_d=0 extra_r=0 extra_u=0
  while read -r node d r u build; do
    read -r _ rd rr ru _ < <(grep "^$node " <<<"${reference_counters[$key]}")
    [ "${build%%.*}" = "$target" ] || at_target=0
    extra_d=$((extra_d + (d > rd ? d - rd : 0)))
    extra_r=$((extra_r + (r > rr ? r - rr : 0)))
    extra_u=$((extra_u + (u > ru ? u - ru : 0)))
  done < <(counters "$state" "$cluster")
  bad=$(bad_journal_lines "$state")
  verdict=pass
  [ "$code" = 0 ] && [ $at_target = 1 ] && [ $((extra_d + extra_r + extra_u + overlaps + bad + hung)) -eq 0 ] || verdict=FAIL
  [ $hung = 1 ] && verdict="FAIL (a process hung)"
  mode_key=$(IFS=+; echo "${modes[*]:-none}")
  by_mode_trials[$mode_key]=$((${by_mode_trials[$mode_key]:-0} + 1))
  if [ "$verdict" = pass ]; then
    total_pass=$((total_pass + 1)); by_mode_pass[$mode_key]=$((${by_mode_pass[$mode_key]:-0} + 1))
    [ "${KEEP:-0}" = 1 ] || rm -rf "$state"
  else
    failures+=("trial $trial: $runbook on $cluster, hits $mode_key, last exit $code, at target $at_target, extra $extra_d/$extra_r/$extra_u, overlaps $overlaps, bad journal lines $bad; state $state; last output: $(tail -1 "$out" 2>/dev/null | cut -c1-300)")
  fi
  total_overlaps=$((total_overlaps + overlaps)); total_bad_lines=$((total_bad_lines + bad))
  total_extra_drains=$((total_extra_drains + extra_d)); total_extra_reboots=$((total_extra_reboots + extra_r)); total_extra_updates=$((total_extra_updates + extra_u))
  printf '%-5s %-24s %-18s %-15s %-6s %-22s %s\n' "$trial" "$runbook" "$cluster" "$mode_key" "$code" "$extra_d/$extra_r/$extra_u, $overlaps" "$verdict"
done

echo
echo "| measure | result |"
echo "|---|---|"
echo "| trials | $done_trials (seed $seed) |"
echo "| recovered: last resume exit 0, every node at the target build | $total_pass of $done_trials |"
echo "| extra drains / reboots / feature updates (all nodes, all trials, against an uninterrupted run) | $total_extra_drains / $total_extra_reboots / $total_extra_updates |"
echo "| overlaps (a process worked on the run after another took it over) | $total_overlaps |"
echo "| unparseable journal lines | $total_bad_lines |"
echo
echo "| hits | trials | passed |"
echo "|---|---|---|"
for mode in $(printf '%s\n' "${!by_mode_trials[@]}" | sort); do echo "| $mode | ${by_mode_trials[$mode]} | ${by_mode_pass[$mode]:-0} |"; done
if [ ${#failures[@]} -gt 0 ]; then
  echo; echo "Failed trials:"; printf '  %s\n' "${failures[@]}"
  exit 1
fi
