#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging/check-skips.sh finds both kinds of skip (a Qt Test "SKIP   :" line, a whole test ctest marks
# "(Skipped)"), fails as root when there is one, passes a clean log, and only lists with AOESAN_ALLOW_SKIPS=1.
set -uo pipefail
check=${1:?usage: check_skips_test.sh path/to/check-skips.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
expect() { # expect RC DESCRIPTION COMMAND...
    local want=$1 what=$2; shift 2
    "$@" >"$work/out" 2>&1; local got=$?
    if [ "$got" -ne "$want" ]; then echo "FAIL: $what: exit $got, expected $want"; cat "$work/out"; failures=$((failures + 1));
    else echo "PASS: $what"; fi
}
printf 'PASS   : TestX::a()\nTest Passed.\n' >"$work/clean.log"
printf 'PASS   : TestX::a()\nSKIP   : TestX::b() needs root\nTest Passed.\n' >"$work/qtskip.log"
printf '100%% tests passed\nThe following tests did not run:\n\t 60 - tst_lab (Skipped)\n' >"$work/ctest-skip.out"
printf '100%% tests passed, 0 tests failed out of 3\n' >"$work/ctest-clean.out"
as_root=1; [ "$(id -u)" -eq 0 ] || as_root=0
expect 0 "clean logs pass" "$check" "$work/clean.log" "$work/ctest-clean.out"
if [ $as_root = 1 ]; then
    expect 1 "a Qt Test skip fails as root" "$check" "$work/qtskip.log" "$work/ctest-clean.out"
    expect 1 "a whole skipped test fails as root" "$check" "$work/clean.log" "$work/ctest-skip.out"
fi
expect 0 "AOESAN_ALLOW_SKIPS=1 only lists" env AOESAN_ALLOW_SKIPS=1 "$check" "$work/qtskip.log" "$work/ctest-skip.out"
grep -q "tst_lab (Skipped)" "$work/out" && grep -q "TestX::b() needs root" "$work/out" \
    && echo "PASS: both skips are listed" || { echo "FAIL: the listing misses a skip"; cat "$work/out"; failures=$((failures + 1)); }
expect 1 "a missing log is an error" "$check" "$work/nosuch.log"
exit $((failures > 0))
