#!/usr/bin/env bash
# Whole-process timing: `alu plan ... --format json` against an empty .NET console app, both published for
# linux-x64 (Release, framework-dependent, started through their apphost), RUNS runs each after one warm-up.
# alu is published as its project says (ReadyToRun); the empty app plainly (the stricter baseline).
# alu runs with its own cache folder (XDG_CACHE_HOME): the warm-up fills it, as any earlier alu command on the same
# files would; the "cold cache" line disables it (ALU_NO_CACHE), as for files alu has never seen.
# Prints median and mean wall time per command and the ratio alu/empty (target: at most 2x). docs/performance.md.
#
#   scripts/bench-process.sh              # as the Cli project is configured (about 2 minutes)
#   scripts/bench-process.sh --compare    # also: without ReadyToRun, runtime knobs (TieredPGO, TieredCompilation...)
#   RUNS=20 scripts/bench-process.sh
set -euo pipefail

runs=${RUNS:-10}
compare=false
[[ "${1:-}" == "--compare" ]] && compare=true

root=$(cd "$(dirname "$0")/.." && pwd)
rid=linux-x64
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

publish() { # project output [extra msbuild args...]
  local project=$1 out=$2
  shift 2
  dotnet publish "$project" -c Release -r "$rid" --self-contained false -o "$out" -v q -nologo "$@" >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; exit 1; }
}

# Prints microseconds per run, one a line, for RUNS runs of the command (after one untimed warm-up).
time_runs() {
  "$@" >/dev/null
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
  done
}

# label file -> "label  median ms  mean ms"; remembers the median in $median_ms.
report() {
  local label=$1 file=$2
  median_ms=$(sort -n "$file" | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m/1000}')
  local mean_ms
  mean_ms=$(awk '{s+=$1} END {printf "%.1f", s/NR/1000}' "$file")
  printf '%-44s median %8s ms   mean %8s ms\n' "$label" "$median_ms" "$mean_ms"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

echo "Publishing (Release, $rid, framework-dependent; alu ReadyToRun)..."
mkdir -p "$work/empty"
(cd "$work/empty" && dotnet new console -n Empty -o . --force >/dev/null 2>&1)
# The empty app gets the Cli project's runtime settings (not ReadyToRun: that only slows an app with no code).
publish "$work/empty/Empty.csproj" "$work/empty-out" -p:InvariantGlobalization=true -p:TieredPGO=true
publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" "$work/alu"

plan=("$work/alu/alu" plan "$root/runbooks/22h2-to-23h2/sconfig.yaml" --cluster "$root/samples/clusters/four-node-22h2.yaml" --format json)
"${plan[@]}" >/dev/null || { echo "alu plan failed (exit $?)"; exit 1; }

echo "Timing $runs runs each (after one warm-up):"
time_runs "$work/empty-out/Empty" >"$work/empty.us"
report "empty console app" "$work/empty.us"
empty_ms=$median_ms
time_runs "${plan[@]}" >"$work/alu.us"
report "alu plan sconfig.yaml --format json" "$work/alu.us"
echo "ratio alu/empty (medians): $(ratio "$median_ms" "$empty_ms")x (target <= 2x)"
time_runs env ALU_NO_CACHE=1 "${plan[@]}" >"$work/alu-cold.us"
report "alu plan, cold cache (ALU_NO_CACHE=1)" "$work/alu-cold.us"
echo "ratio alu/empty (medians): $(ratio "$median_ms" "$empty_ms")x"

if $compare; then
  echo
  echo "Variants of alu plan (ratio against the same empty app):"
  for knob in DOTNET_TieredPGO=0 DOTNET_TieredCompilation=0 DOTNET_TC_QuickJitForLoops=0 DOTNET_ReadyToRun=0; do
    time_runs env "$knob" "${plan[@]}" >"$work/knob.us"
    report "alu, $knob" "$work/knob.us"
    echo "  ratio $(ratio "$median_ms" "$empty_ms")x"
  done
  publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" "$work/alu-jit" -p:PublishReadyToRun=false
  time_runs "$work/alu-jit/alu" "${plan[@]:1}" >"$work/jit.us"
  report "alu published without ReadyToRun" "$work/jit.us"
  echo "  ratio $(ratio "$median_ms" "$empty_ms")x"
fi
