#!/usr/bin/env bash
# Whole-process timing of an embedded simulated fleet run, for docs/performance.md ("Fleets (issue 13)"):
# `alu fleet run samples/fleets/NAME.yaml --approve '*' --log-format json` in a fresh state folder, with the Release
# ReadyToRun build (dotnet publish -c Release -r linux-x64, as the installed tool is built), under /usr/bin/time.
# Prints wall, CPU user + system, peak RSS, the load average before and after (the machine may be shared), and the
# scheduling overhead from the fleet events (scripts/fleet-events-stats.py).
#
#   scripts/fleet-bench.sh [retail-120|fleet-12] [extra alu fleet run arguments]
#   RUNS=3 MAX_CONCURRENT=4 scripts/fleet-bench.sh retail-120
#   ALU=/path/to/published/alu scripts/fleet-bench.sh retail-120   # skip the publish
set -euo pipefail

fleet=${1:-retail-120}
shift || true
runs=${RUNS:-1}
max_concurrent=${MAX_CONCURRENT:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

alu=${ALU:-}
if [ -z "$alu" ]; then
  echo "Publishing alu (Release, linux-x64, ReadyToRun)..."
  dotnet publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" -c Release -r linux-x64 --self-contained false \
    -o "$work/alu" -v q -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  alu=$work/alu/alu
fi

echo "alu fleet run samples/fleets/$fleet.yaml --approve '*' --max-concurrent $max_concurrent $*"
for i in $(seq "$runs"); do
  state=$(mktemp -d -p "$work")
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$alu" fleet run "$root/samples/fleets/$fleet.yaml" --approve '*' \
    --max-concurrent "$max_concurrent" --state-dir "$state" --runbooks "$root/runbooks" --log-format json "$@" >"$work/events.jsonl" 2>"$work/stderr"
  code=$?
  set -e
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  done_count=$(grep -c '"kind":"cluster-succeeded"' "$work/events.jsonl" || true)
  printf 'run %d: wall %s s  cpu %s + %s s  peak RSS %d MB  exit %d  clusters upgraded %s  load before %s after %s\n' \
    "$i" "$wall" "$user" "$sys" $((rss / 1024)) "$code" "$done_count" "$before" "$after"
  python3 "$root/scripts/fleet-events-stats.py" "$work/events.jsonl" "$max_concurrent" | sed 's/^/  /'
  if [ "$code" -ne 0 ]; then
    tail -5 "$work/stderr" | sed 's/^/  stderr: /'
  fi
done
