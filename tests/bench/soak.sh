#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The soak of issue [12]: `aoesan-ctl bench --mixed --verify` at depth 16 against aoesan-engine for ten minutes
# (then the same against vblade 25, for the figures beside it), sampling the target's and the initiator's
# resident memory every 10 s. Fails when a run reports an I/O error or a mismatch, or when aoesan-engine's
# memory grows by more than --grow-kib after its first minute; never fails on speed.
# Everything runs in two network namespaces made here and removed at exit; needs root (and vblade for its row).
#
#   soak.sh ENGINE CTL [--seconds 600] [--depth 16] [--mib 256] [--mtu 1500] [--read-percent 70]
#                      [--modes "cache direct"] [--peer vblade|none] [--grow-kib 4096]
set -u
engine=$1 ctl=$2; shift 2
seconds=600 depth=16 mib=256 mtu=1500 read_percent=70 modes=cache peer=vblade grow_kib=4096
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift ;;
        --depth) depth=$2; shift ;;
        --mib) mib=$2; shift ;;
        --mtu) mtu=$2; shift ;;
        --read-percent) read_percent=$2; shift ;;
        --modes) modes=$2; shift ;;
        --peer) peer=$2; shift ;;
        --grow-kib) grow_kib=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 0; }
kinds=aoesan
if [ "$peer" = vblade ]; then
    command -v vblade >/dev/null || { echo "vblade is not installed (Debian package vblade), or use --peer none" >&2; exit 2; }
    kinds="aoesan vblade"
fi
json_python=/usr/bin/python3 # Debian's, whatever python3 is first on PATH

# shellcheck source=tests/bench/bench-lab.sh
. "$(dirname "$0")/bench-lab.sh"
tag=aoesan-soak-$$
nt=$tag-t ni=$tag-i
work=$(mktemp -d /var/tmp/aoesan-soak.XXXXXX) # on disk: O_DIRECT needs a real filesystem
target_pid= bench_pid=
cleanup() {
    [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null
    [ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
    bench_lab_down "$nt" "$ni"
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

bench_lab_up "$nt" "$ni" 02:00:00:00:c1:01 02:00:00:00:c1:02 || exit 1
ip -n "$nt" link set vt mtu "$mtu" up
ip -n "$ni" link set vi mtu "$mtu" up

img=$work/disk.img
truncate -s "${mib}M" "$img"
ticks=$(getconf CLK_TCK)
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_s() { awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo 0; }

failed=0
printf "%-6s %-6s | %8s %7s %6s %6s %6s | %6s %6s %6s | %9s %9s %9s %9s | %9s %6s\n" target backing \
    MiB/s IOPS p50us p99us rexmit errors mism. verified "RSS 1 min" "RSS max" "RSS end" "growth" "bench max" "CPU s"
for mode in $modes; do
    for kind in $kinds; do
        opts=()
        [ "$mode" = direct ] && opts+=(-d)
        truncate -s 0 "$img" && truncate -s "${mib}M" "$img"
        case $kind in
            vblade) ip netns exec "$nt" vblade "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 & ;;
            aoesan) ip netns exec "$nt" "$engine" serve --no-state "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 & ;;
        esac
        target_pid=$!
        sleep 0.5
        ip netns exec "$ni" "$ctl" --log-level off bench 1.1 -i vi --mixed --read-percent "$read_percent" \
            --depth "$depth" --seconds "$seconds" --verify --yes-destroy-data --json >"$work/bench.json" 2>"$work/bench.err" &
        bench_pid=$!
        : >"$work/rss"
        elapsed=0
        while kill -0 "$bench_pid" 2>/dev/null; do
            sleep 10
            elapsed=$((elapsed + 10))
            echo "$elapsed $(rss_kib "$target_pid") $(rss_kib "$bench_pid")" >>"$work/rss"
        done
        wait "$bench_pid"
        rc=$?
        bench_pid=
        cpu=$(cpu_s "$target_pid")
        kill "$target_pid" 2>/dev/null
        wait "$target_pid" 2>/dev/null
        target_pid=
        # The target's memory after its first minute (buffers and page tables settled), its largest, its last.
        read -r first max last bench_max <<<"$(awk '$1 >= 60 && !f {f = $2} {if ($2 > m) m = $2; l = $2; if ($3 > b) b = $3}
            END {print (f ? f : l), m, l, b}' "$work/rss")"
        growth=$((last - first))
        read -r mibs iops p50 p99 rexmit errors mism verified problem <<<"$("$json_python" -c '
import json, sys
try:
    j = json.load(open(sys.argv[1]))
except Exception:
    print("- - - - - - - - no-report"); sys.exit()
lat = j.get("latency_us", {})
v = j.get("verify", {})
print("%.1f %.0f %.0f %.0f %d %d %d %d %s" % (j["mib_per_s"], j["iops"], lat.get("p50", 0), lat.get("p99", 0),
      j["retransmits"], j["errors"], v.get("mismatches", 0), v.get("sectors", 0), "ok" if "first_problem" not in j else "problem"))
' "$work/bench.json")"
        printf "%-6s %-6s | %8s %7s %6s %6s %6s | %6s %6s %6s | %6s KiB %6s KiB %6s KiB %+6d KiB | %5s KiB %6s\n" \
            "$kind" "$mode" "$mibs" "$iops" "$p50" "$p99" "$rexmit" "$errors" "$mism" "$verified" \
            "$first" "$max" "$last" "$growth" "$bench_max" "$cpu"
        echo "  $kind $mode memory every minute (s target-KiB bench-KiB): $(awk '$1 % 60 == 0 {printf "%s:%s/%s ", $1, $2, $3}' "$work/rss")"
        if [ "$rc" -ne 0 ] || [ "$problem" != ok ]; then
            echo "  $kind $mode: the run failed (exit $rc): $(head -c 600 "$work/bench.err") $(grep -o '"first_problem":"[^"]*"' "$work/bench.json")"
            [ "$kind" = aoesan ] && failed=1
        fi
        if [ "$kind" = aoesan ] && [ "$growth" -gt "$grow_kib" ]; then
            echo "  aoesan-engine grew by $growth KiB after its first minute (allowed: $grow_kib KiB)"
            failed=1
        fi
    done
done
echo "$(nproc) CPUs, $(uname -r), MTU $mtu, depth $depth, ${read_percent}% reads, 4 KiB blocks, $mib MiB image, $seconds s per run"
exit $failed
