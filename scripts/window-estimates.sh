#!/usr/bin/env bash
# How well `alu plan --window` forecasts a real (simulated) run: for each shipped runbook on the 4- and 16-node samples
# of its source version, the openings and the end the plan predicts against those of a simulated run driven the way a
# scheduler drives it (alu run --continue in each opening, the simulator's virtual clock moved to the opening the
# paused run names). Prints a Markdown table for docs/performance.md. Virtual time only: wall time does not matter.
#
#   scripts/window-estimates.sh                       # every row
#   RUNBOOKS="22h2-to-23h2/sconfig" SIZES=four scripts/window-estimates.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
window=${WINDOW:-"Sat 22:00-Sun 06:00"}
start=2025-06-02T08:00:00Z   # the simulator's first instant
runbooks=${RUNBOOKS:-"22h2-to-23h2/cau 22h2-to-23h2/sconfig 22h2-to-23h2/offline 22h2-to-23h2/wac 22h2-to-24h2/cau 22h2-to-24h2/sconfig 22h2-to-24h2/offline 23h2-to-24h2/cau 23h2-to-24h2/sconfig 23h2-to-24h2/offline"}
sizes=${SIZES:-"four sixteen"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
alu=${ALU:-"$root/engine/AzureLocalUpgrade.Cli/bin/Debug/net10.0/alu"}
[ -x "$alu" ] || { echo "build alu first: dotnet build engine/AzureLocalUpgrade.Cli" >&2; exit 1; }

# Hours after the first opening of the window (the same for every row: nothing disruptive runs before it).
hours() { awk -v a="$(date -ud "$1" +%s)" -v b="$(date -ud "$first_opening" +%s)" 'BEGIN { printf "%.1f", (a - b) / 3600 }'; }

echo "| runbook | cluster | openings planned | openings run | hours planned | hours run | difference |"
echo "|---|---|---:|---:|---:|---:|---:|"
for runbook in $runbooks; do
  source_version=${runbook%%-to-*}
  set_args=()
  case $runbook in *24h2*) set_args=(--set 'isoPath=C:\ISO\AzureLocal-2505.iso') ;; esac
  for size in $sizes; do
    cluster="$root/samples/clusters/$size-node-$source_version.yaml"
    if [ ! -f "$cluster" ]; then
      echo "| $runbook | $size-node-$source_version | no such sample | | | | |"
      continue
    fi
    state=$(mktemp -d -p "$work")
    plan=$("$alu" plan "$root/runbooks/$runbook.yaml" --cluster "$cluster" "${set_args[@]}" --window "$window" --time-zone UTC --start "$start" 2>/dev/null || true)
    planned_openings=$(grep -o 'in [0-9]* opening(s)' <<<"$plan" | grep -o '[0-9]*' || echo 0)
    first_opening=$(grep -o 'Opening 1: [A-Za-z]* [0-9-]* [0-9:]*' <<<"$plan" | awk '{print $4 "T" $5 ":00Z"}')
    planned_end=$(grep -o 'forecast to end [A-Za-z]* [0-9-]* [0-9:]*' <<<"$plan" | awk '{print $5 "T" $6 ":00Z"}')
    openings=0
    outcome=ok
    while true; do
      set +e
      "$alu" run "$root/runbooks/$runbook.yaml" --cluster "$cluster" --state-dir "$state" "${set_args[@]}" --approve '*' \
        --window "$window" --time-zone UTC --continue --log-format json >"$state/out.jsonl" 2>"$state/err.txt"
      code=$?
      set -e
      [ "$code" -eq 3 ] || break
      # A node group deferred names the "next fitting opening"; a CAU run the window's end stopped, the "next opening".
      next=$(grep -oE 'next (fitting )?opening starts [0-9-]* [0-9:]*' "$state/out.jsonl" | tail -1 | awk '{print $(NF-1) "T" $NF ":00Z"}' || true)
      if [ -z "$next" ]; then outcome="paused: $(tail -1 "$state/err.txt" | cut -c1-60)"; break; fi
      "$alu" sim advance --cluster "$cluster" --state-dir "$state" --to "$next" >/dev/null
      openings=$((openings + 1))
    done
    [ "$code" -eq 0 ] || [ "$outcome" != ok ] || outcome="exit $code"
    actual_end=$("$alu" sim status --cluster "$cluster" --state-dir "$state" | head -1 | grep -o 'at [0-9-]* [0-9:]*' | awk '{print $2 "T" $3 "Z"}')
    planned_hours=$(hours "$planned_end"); actual_hours=$(hours "$actual_end")
    difference=$(awk -v p="$planned_hours" -v a="$actual_hours" 'BEGIN { if (a == 0) print "n/a"; else printf "%+.0f %%", (p - a) * 100 / a }')
    [ "$outcome" = ok ] || difference="$difference ($outcome)"
    echo "| $runbook | $size-node-$source_version | $planned_openings | $openings | $planned_hours | $actual_hours | $difference |"
  done
done
