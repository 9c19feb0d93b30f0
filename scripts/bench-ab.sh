#!/usr/bin/env bash
# Two builds of alu timed back to back, interleaved (A, B, A, B, ...), so a shared or loaded machine slows both
# alike: `alu plan` (its remembered-plan cache warm, then with ALU_NO_CACHE=1) and whole 16-node simulated runs.
# Each argument is a folder with a published alu (dotnet publish engine/AzureLocalUpgrade.Cli -c Release -r linux-x64
# --self-contained false -o DIR). Prints every timing and the medians. docs/performance.md.
#
#   scripts/bench-ab.sh /tmp/alu-before /tmp/alu-after
#   RUNS=20 SIM_RUNS=3 scripts/bench-ab.sh A B
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 ALU_DIR_A ALU_DIR_B" >&2; exit 2; }
a=$1 b=$2
runs=${RUNS:-10}
sim_runs=${SIM_RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1

ms() { awk -v d="$1" 'BEGIN {printf "%.1f", d/1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# time_one LABEL ENV... -- COMMAND...: appends the wall time in ms to $work/LABEL, returns the command's exit code.
time_one() {
  local label=$1
  shift
  local start end code
  start=$(date +%s%N)
  set +e
  "$@" >"$work/out.log" 2>&1
  code=$?
  set -e
  end=$(date +%s%N)
  ms $((end - start)) >>"$work/$label"
  echo >>"$work/$label"
  return $code
}

plan_args=(plan "$root/runbooks/22h2-to-23h2/sconfig.yaml" --cluster "$root/samples/clusters/four-node-22h2.yaml" --format json)
for side in a b; do
  dir=${!side}
  mkdir -p "$work/cache-$side"
  XDG_CACHE_HOME="$work/cache-$side" "$dir/alu" "${plan_args[@]}" >/dev/null # warm-up, fills this side's cache
done

echo "alu plan sconfig.yaml, 4 nodes, --format json: $runs runs per side, interleaved"
for _ in $(seq "$runs"); do
  for side in a b; do
    dir=${!side}
    time_one "plan-$side" env XDG_CACHE_HOME="$work/cache-$side" "$dir/alu" "${plan_args[@]}"
    time_one "cold-$side" env ALU_NO_CACHE=1 "$dir/alu" "${plan_args[@]}"
  done
done
for what in plan cold; do
  printf '%-6s A median %8s ms   B median %8s ms\n' "$what" "$(median <"$work/$what-a")" "$(median <"$work/$what-b")"
done

echo "alu run, 16 nodes, every gate pre-approved: $sim_runs runs per side and method, interleaved"
for method in cau sconfig; do
  extra=(--approve '*')
  if [ "$method" = cau ]; then extra+=(--set 'orchestratorOs=Windows Server 2022'); fi
  for i in $(seq "$sim_runs"); do
    for side in a b; do
      dir=${!side}
      state=$(mktemp -d -p "$work")
      code=0
      time_one "$method-$side" "$dir/alu" run "$root/runbooks/22h2-to-23h2/$method.yaml" \
        --cluster "$root/samples/clusters/sixteen-node-22h2.yaml" --state-dir "$state" "${extra[@]}" || code=$?
      printf '%-8s %s run %d: %8s ms  exit %d  %s\n' "$method" "${side^^}" "$i" "$(tail -1 "$work/$method-$side")" "$code" \
        "$(grep -o 'runspaces opened: [0-9]*' "$work/out.log" || true)"
    done
  done
  printf '%-8s A median %8s ms   B median %8s ms\n' "$method" "$(median <"$work/$method-a")" "$(median <"$work/$method-b")"
done
