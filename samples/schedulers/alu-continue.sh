#!/usr/bin/env bash
# Runs one scheduled firing of alu and turns its exit code into what a scheduler should do with it:
#   0            the run succeeded (or there was nothing to do)              -> exit 0
#   3, 4, 130    not yet: paused at a gate or by the window, the cluster is   -> exit 0, so the job is not marked
#                held by another run, or the firing was cancelled                 failed; the next firing continues
#   anything else a person must act (1 failed, 2 invalid input or the plan no  -> the same code, so the job fails
#                longer matches, 5 a precondition failed before any change)       and alerts
# Usage: alu-continue.sh run PLAN --continue [alu options...]      (ALU: the alu executable, default: alu on PATH)
set -u
"${ALU:-alu}" "$@"
code=$?
case "$code" in
  0) echo "alu-continue: done (exit 0)" >&2; exit 0 ;;
  3) echo "alu-continue: paused at a gate or by the window (exit 3); the next firing continues" >&2; exit 0 ;;
  4) echo "alu-continue: another run holds the cluster (exit 4); the next firing tries again" >&2; exit 0 ;;
  130) echo "alu-continue: cancelled (exit 130); the next firing continues" >&2; exit 0 ;;
  *) echo "alu-continue: alu exited $code; a person must look (alu status, alu report)" >&2; exit "$code" ;;
esac
