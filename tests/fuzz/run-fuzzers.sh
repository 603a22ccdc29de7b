#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of a build configured with -DAOESAN_FUZZ=ON (tests/fuzz/CMakeLists.txt):
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_EACH]      (default 20 s each)
# For each target: first every input of regressions/<target>/ once (each once crashed it: a failure there is a
# regression), then fuzzing for SECONDS_EACH seconds from a copy of corpus/<target>/ in a temporary directory,
# with dict/json.dict for the JSON readers. Exits non-zero if any target crashed, leaked, timed out or broke an
# invariant, printing the crashing input's path (kept in BUILD_DIR/fuzz-findings/<target>/) and the end of the
# fuzzer's output. AOESAN_FUZZ_JOBS: how many targets run at once (default: 2, or 1 on a single core).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS_EACH]}
build=$(cd "$build" && pwd)
seconds=${2:-20}
bin="$build/tests/fuzz"
findings="$build/fuzz-findings"
cores=$(nproc 2>/dev/null || echo 1)
jobs=${AOESAN_FUZZ_JOBS:-$(( cores >= 2 ? 2 : 1 ))}

targets=()
for exe in "$bin"/fuzz_*; do
    [ -x "$exe" ] && [ -f "$exe" ] && targets+=("$(basename "$exe")")
done
[ ${#targets[@]} -gt 0 ] || { echo "run-fuzzers.sh: no fuzz_* executables in $bin (configure with -DAOESAN_FUZZ=ON and build the fuzzers target)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/aoesan-fuzz.XXXXXX")
scratch=$(mktemp -d /dev/shm/aoesan-fuzz-run.XXXXXX 2>/dev/null || mktemp -d "$work/scratch.XXXXXX")
trap 'rm -rf "$work" "$scratch"' EXIT
rm -rf "$findings"
mkdir -p "$findings"

# detect_leaks: libFuzzer reports an input that leaks; abort_on_error: a report ends the run as a crash.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export AOESAN_FUZZ_SCRATCH="$scratch" AOESAN_LOG=off QT_QPA_PLATFORM=offscreen

# One target: regressions, then the timed run. Writes WORK/NAME.result: "ok RUNS" or "fail WHY".
run_one() {
    local name=$1 short=${1#fuzz_}
    local log="$work/$name.log" corpus="$work/$name.corpus" found="$findings/$name"
    mkdir -p "$corpus" "$found"
    if [ -d "$here/regressions/$short" ] && [ -n "$(ls -A "$here/regressions/$short")" ]; then
        if ! "$bin/$name" -runs=1 -timeout=60 "$here/regressions/$short"/* >"$log.regressions" 2>&1; then
            cp "$log.regressions" "$found/output.log"
            echo "fail a kept regression input crashes it again (regressions/$short)" >"$work/$name.result"
            return
        fi
    fi
    [ -d "$here/corpus/$short" ] && cp -r "$here/corpus/$short/." "$corpus/"
    local dict=()
    case $short in
        serve_event | probe_event | boot_events | capture_events | export_store) dict=(-dict="$here/dict/json.dict") ;;
    esac
    local status=0
    "$bin/$name" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
        -artifact_prefix="$found/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ $status -ne 0 ]; then
        cp "$log" "$found/output.log"
        echo "fail exit $status" >"$work/$name.result"
    else
        rm -rf "$found"
        echo "ok ${runs:-?} $(ls "$corpus" | wc -l)" >"$work/$name.result"
    fi
}

start=$(date +%s)
echo "Fuzzing ${#targets[@]} targets for ${seconds} s each, $jobs at a time (findings go to $findings)"
running=0
for name in "${targets[@]}"; do
    run_one "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

failed=0
for name in "${targets[@]}"; do
    read -r verdict rest <"$work/$name.result" || { verdict=fail; rest="no result"; }
    if [ "$verdict" = ok ]; then
        read -r runs corpus <<<"$rest"
        printf '  %-24s ok: %s executions, corpus %s inputs\n' "$name" "$runs" "$corpus"
        continue
    fi
    failed=$((failed + 1))
    printf '  %-24s FAILED: %s\n' "$name" "$rest"
    for input in "$findings/$name"/crash-* "$findings/$name"/leak-* "$findings/$name"/timeout-* "$findings/$name"/oom-*; do
        [ -e "$input" ] && echo "    input: $input (replay: $bin/$name $input)"
    done
    echo "    --- the end of its output ($findings/$name/output.log):"
    tail -40 "$findings/$name/output.log" | sed 's/^/    /'
done
[ "$failed" -eq 0 ] && rmdir "$findings" 2>/dev/null
echo "Fuzzing took $(( $(date +%s) - start )) s"
echo "fuzz: $(( ${#targets[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
