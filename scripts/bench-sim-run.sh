#!/usr/bin/env bash
# Wall time of whole simulated runs: `alu run` of the rolling 22H2->23H2 runbooks (cau, sconfig) against the
# 16-node simulated cluster, each in a fresh state folder. For docs/performance.md .
#
# Every manual gate is pre-approved (--approve '*') so the whole upgrade runs end to end; the CAU runbook also needs
# the orchestrator's OS, which it checks.
#
#   scripts/bench-sim-run.sh [extra alu run arguments]
#   RUNS=3 CLUSTER=samples/clusters/sixteen-node-22h2.yaml scripts/bench-sim-run.sh
set -euo pipefail

runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
cluster=${CLUSTER:-$root/samples/clusters/sixteen-node-22h2.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "Publishing alu (Release, linux-x64)..."
dotnet publish "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" -c Release -r linux-x64 --self-contained false \
  -o "$work/alu" -v q -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }

for method in cau sconfig; do
  runbook="$root/runbooks/22h2-to-23h2/$method.yaml"
  method_args=(--approve '*')
  if [ "$method" = cau ]; then method_args+=(--set 'orchestratorOs=Windows Server 2022'); fi
  for i in $(seq "$runs"); do
    state=$(mktemp -d -p "$work")
    start=$(date +%s%N)
    set +e
    "$work/alu/alu" run "$runbook" --cluster "$cluster" --state-dir "$state" "${method_args[@]}" "$@" >"$work/run.log" 2>&1
    code=$?
    set -e
    end=$(date +%s%N)
    printf '%-8s run %d: %8.1f ms  exit %d  %s\n' "$method" "$i" "$(awk -v d=$((end - start)) 'BEGIN {print d/1e6}')" "$code" \
      "$(grep -o 'runspaces opened: [0-9]*' "$work/run.log" || true)"
    if [ "$code" -ne 0 ]; then
      echo "  last lines of its output:"
      tail -5 "$work/run.log" | sed 's/^/    /'
    fi
  done
done
