#!/usr/bin/env bash
# kill -9 trials of an embedded fleet run (issue 13, reliability): a 12-cluster fleet (two-node 22H2 twins over
# four sites, two stages) is started with `alu fleet run`, killed with SIGKILL at a random moment while clusters
# run, then run again to completion. Each trial checks: exit 0, every cluster Done, and every node's drain, reboot
# and feature-update counters equal to those of an uninterrupted run of the same fleet (run once first), no cluster
# recorded as upgraded twice; it also prints how many executions were fenced out (two of one cluster overlapping).
# Usage: [ALU_DLL=copy/of/alu.dll] scripts/fleet-kill-trials.sh [TRIALS=20]   (one line per trial and a summary;
# results in docs/fleets.md, Reliability)
set -euo pipefail
trials=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
# ALU_DLL: a copy of the built alu.dll to trial (so a rebuild of the tree during a long series changes nothing).
alu=(dotnet "${ALU_DLL:-$root/engine/AzureLocalUpgrade.Cli/bin/Release/net10.0/alu.dll}")
[ -f "${alu[1]}" ] || dotnet build -c Release "$root/engine/AzureLocalUpgrade.Cli/AzureLocalUpgrade.Cli.csproj" >/dev/null
work=$(mktemp -d /tmp/alu-kill-trials.XXXXXX)
trap 'rm -rf "$work"' EXIT

make_fleet() { # $1 folder
  # One folder per site: the fleet loader's globs take * and ?, not [a-b] ranges.
  for i in $(seq -w 1 12); do
    site=s$(( (10#$i - 1) / 3 + 1 )); mkdir -p "$1/inv/$site"
    sed "s/hci02/kt$i/g" "$root/samples/clusters/two-node-22h2.yaml" > "$1/inv/$site/kt$i.yaml"
  done
  cat > "$1/fleet.yaml" <<YAML
apiVersion: azurelocal.upgrade/v1
kind: Fleet
metadata: { name: kill-trials }
defaults:
  runbook: 22h2-to-23h2/cau
  timeZone: UTC
  parameters: { orchestratorOs: Windows Server 2022 }
clusters:
  - { inventory: "inv/s1/*.yaml", labels: { site: s1, ring: canary } }
  - { inventory: "inv/s2/*.yaml", labels: { site: s2, ring: broad } }
  - { inventory: "inv/s3/*.yaml", labels: { site: s3, ring: broad } }
  - { inventory: "inv/s4/*.yaml", labels: { site: s4, ring: broad } }
stages:
  - { name: canary, groups: [ { matchLabels: { ring: canary } } ], maxConcurrent: 2, failureBudget: 0 }
  - { name: broad, groups: [ { matchLabels: { ring: broad } } ], maxConcurrent: 4, maxConcurrentPerSite: 1, failureBudget: 0 }
YAML
}

counters() { # $1 state dir -> "cluster node drains reboots updates" lines
  python3 - "$1" <<'PY'
import json, glob, sys
for f in sorted(glob.glob(sys.argv[1] + '/clusters/*/simulation.json')):
    d = json.load(open(f))
    for n in d['nodes']:
        c = n['counters']
        print(d['clusterName'], n['name'], c['drains'], c['reboots'], c['featureUpdatesApplied'])
PY
}

make_fleet "$work/base"
"${alu[@]}" fleet run "$work/base/fleet.yaml" --state-dir "$work/base/state" --runbooks "$root/runbooks" >/dev/null 2>&1
counters "$work/base/state" | sed 's/kt[0-9]*-//' > "$work/baseline.txt"

overlaps() { # $1 state dir -> "FENCED TWICE": executions whose result was fenced out, clusters recorded upgraded twice
  python3 - "$1/fleets/fleets.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
fenced = db.execute("SELECT count(*) FROM alu_fleet_events WHERE kind = 'cluster-fenced'").fetchone()[0]
twice = db.execute("SELECT count(*) FROM (SELECT cluster FROM alu_fleet_events WHERE kind = 'cluster-succeeded' GROUP BY cluster HAVING count(*) > 1)").fetchone()[0]
print(fenced, twice)
PY
}

passed=0
for t in $(seq 1 "$trials"); do
  dir="$work/t$t"; make_fleet "$dir"
  "${alu[@]}" fleet run "$dir/fleet.yaml" --state-dir "$dir/state" --runbooks "$root/runbooks" >/dev/null 2>&1 &
  pid=$!
  delay=$(python3 -c "import random; print(round(random.uniform(3, 25), 1))")
  sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  set +e; "${alu[@]}" fleet run "$dir/fleet.yaml" --state-dir "$dir/state" --runbooks "$root/runbooks" >/dev/null 2>&1; code=$?; set -e
  counters "$dir/state" | sed 's/kt[0-9]*-//' > "$dir/counters.txt"
  read -r fenced twice < <(overlaps "$dir/state")
  if [ "$code" = 0 ] && [ "$twice" = 0 ] && diff -q "$work/baseline.txt" "$dir/counters.txt" >/dev/null; then
    passed=$((passed + 1)); echo "trial $t: killed after ${delay}s; completed; counters equal to the uninterrupted run; fenced executions $fenced"
  else
    echo "trial $t: killed after ${delay}s; exit $code; clusters upgraded twice $twice; fenced $fenced; counters: $(diff "$work/baseline.txt" "$dir/counters.txt" | head -3 | tr '\n' ' ')"
  fi
done
echo "$passed of $trials trials completed with no extra drains, reboots or feature updates and no cluster upgraded twice"
