#!/usr/bin/env python3
"""Scheduling overhead of a fleet run, from its JSON fleet events (alu fleet run ... --log-format json).

Release -> start: for each cluster-queued event, the time until the same cluster's cluster-started event, counted
only when the process had a free run slot at the release (fewer than MAX_CONCURRENT clusters running or already
released and not yet started); a cluster released into a full process waits for a slot, which is the fleet's
limit at work, not scheduling overhead. Prints count, median, p95 and max in milliseconds, and how many clusters
ran at most at once.

  scripts/fleet-events-stats.py EVENTS.jsonl MAX_CONCURRENT
"""
import datetime
import json
import sys

ENDS = {"cluster-succeeded", "cluster-failed", "cluster-paused", "cluster-fenced"}


def main(path, max_concurrent):
    running, pending, samples, waited, peak = set(), {}, [], 0, 0
    window_waits = 0
    for line in open(path, encoding="utf-8"):
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        kind, cluster = event["kind"], event.get("cluster")
        at = datetime.datetime.fromisoformat(event["time"].replace("Z", "+00:00"))
        if kind == "cluster-queued":
            free = len(running) + len(pending) < max_concurrent
            pending[cluster] = (at, free)
        elif kind == "cluster-started":
            if cluster in pending:
                queued, free = pending.pop(cluster)
                if free:
                    samples.append((at - queued).total_seconds() * 1000)
                else:
                    waited += 1
            running.add(cluster)
            peak = max(peak, len(running))
        elif kind == "cluster-waiting-for-window":
            window_waits += 1
            if "continues at once" not in event.get("message", ""):
                running.discard(cluster)
        elif kind in ENDS:
            running.discard(cluster)
    samples.sort()
    if not samples:
        print("release -> start: no cluster was released into a free slot")
        return
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    median = samples[len(samples) // 2] if len(samples) % 2 else (samples[len(samples) // 2 - 1] + samples[len(samples) // 2]) / 2
    print(f"release -> start (released into a free slot): n={len(samples)} median={median:.0f} ms p95={p95:.0f} ms max={samples[-1]:.0f} ms"
          f" ({waited} more released into a full process waited for a slot)")
    print(f"clusters running at once: at most {peak}; window waits: {window_waits}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
