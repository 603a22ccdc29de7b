#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# After ctest: lists every test that skipped — a Qt Test function's "SKIP   :" line from ctest's log, and a
# whole test ctest reports as "(Skipped)" (a script's exit code 77). As root a skip fails the run: the test
# command installed every package a test needs and root has every privilege, so a skipped test is a test that
# did not run. AOESAN_ALLOW_SKIPS=1 only lists them.
# Usage: check-skips.sh LastTest.log [ctest-output.log]
set -euo pipefail
log=${1:?usage: check-skips.sh LastTest.log [ctest-output.log]}
output=${2:-}
[ -f "$log" ] || { echo "check-skips.sh: no ctest log at $log" >&2; exit 1; }
skips=$(grep -E '^SKIP +: ' "$log" || true)
if [ -n "$output" ] && [ -f "$output" ]; then
    whole=$(grep -E '\((Skipped|Not Run)\)$' "$output" | sed -E 's/^[[:space:]]*[0-9]+ - //' || true)
    [ -n "$whole" ] && skips=$(printf '%s\n%s' "$skips" "$whole" | sed '/^$/d')
fi
if [ -z "$skips" ]; then
    echo "No test skipped."
    exit 0
fi
count=$(printf '%s\n' "$skips" | wc -l)
echo "$count test(s) or test function(s) skipped:"
printf '%s\n' "$skips" | sed 's/^/    /'
if [ "$(id -u)" -eq 0 ] && [ "${AOESAN_ALLOW_SKIPS:-0}" != 1 ]; then
    echo "check-skips.sh: as root nothing may skip; install what the reasons name or fix the test." >&2
    exit 1
fi
exit 0
