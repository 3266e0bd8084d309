#!/usr/bin/env bash
# Runs a command and records its wall time under a label in $STAGE_TIMINGS (when set), so that
# `.ci/run` can print how long each stage took, even when one of them fails.
set -uo pipefail
label=$1; shift
started=$(date +%s)
"$@"
status=$?
elapsed=$(( $(date +%s) - started ))
if [ -n "${STAGE_TIMINGS:-}" ]; then
  verdict=$([ "$status" = 0 ] && echo "ok" || echo "ÉCHEC ($status)")
  printf '  %-22s %5d s  %s\n' "$label" "$elapsed" "$verdict" >> "$STAGE_TIMINGS"
fi
exit $status
