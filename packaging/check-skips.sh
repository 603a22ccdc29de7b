#!/bin/bash
# After ctest: lists every Qt Test function that skipped (its "SKIP   :" line and reason) from ctest's log.
# As root a skip fails the run, since the test command installed every package a test needs and root has every
# privilege: a skipped test is a test that did not run. Set AOESAN_ALLOW_SKIPS=1 to only list them.
set -euo pipefail
log=${1:?usage: check-skips.sh LastTest.log}
[ -f "$log" ] || { echo "check-skips.sh: no ctest log at $log" >&2; exit 1; }
skips=$(grep -E '^SKIP +: ' "$log" || true)
if [ -z "$skips" ]; then
    echo "No test skipped."
    exit 0
fi
count=$(printf '%s\n' "$skips" | wc -l)
echo "$count test function(s) skipped:"
printf '%s\n' "$skips" | sed 's/^/    /'
if [ "$(id -u)" -eq 0 ] && [ "${AOESAN_ALLOW_SKIPS:-0}" != 1 ]; then
    echo "check-skips.sh: as root nothing may skip; install what the reasons name or fix the test." >&2
    exit 1
fi
exit 0
