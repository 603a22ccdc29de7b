#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# aoesan's engine beside vblade 25 on the same veth pair, the same image and the same initiator
# (`aoesan-ctl bench`), plus a no-disk responder (aoe-null-target: the ceiling of link + initiator).
# Prints one table with aoesan/vblade ratios; never fails on speed (it fails only when a run fails).
# Everything runs in two network namespaces made here and removed at exit; needs root and vblade.
#
#   engine-vs-vblade.sh ENGINE CTL NULL_TARGET [--mib N] [--seconds N] [--mtu "1500 9000"]
#                       [--modes "cache direct sync"] [--tests "read write randread randwrite"] [--depths "16 1"]
#
# Rows: for each MTU, backing (cache: page cache; direct: both targets with -d, O_DIRECT; sync: both with
# -s, O_SYNC writes) and test (read/write: 64 KiB sequential; randread/randwrite: 4 KiB random) at depth 16
# and 1. Columns: MiB/s, IOPS, p50 latency, target CPU seconds per GiB moved, for vblade and aoesan, then
# aoesan/vblade for MiB/s and IOPS and vblade/aoesan for p50 and CPU (above 1: aoesan is better).
set -u
engine=$1 ctl=$2 null_target=$3; shift 3
mib=256 seconds=4 mtus="1500 9000" modes="cache direct sync" tests="read write randread randwrite" depths="16 1"
while [ $# -gt 0 ]; do
    case $1 in
        --mib) mib=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --mtu) mtus=$2; shift ;;
        --modes) modes=$2; shift ;;
        --tests) tests=$2; shift ;;
        --depths) depths=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 0; }
command -v vblade >/dev/null || { echo "SKIP: vblade is not installed (Debian package vblade)"; exit 0; }

# shellcheck source=tests/bench/bench-lab.sh
. "$(dirname "$0")/bench-lab.sh"
tag=aoesan-bench-$$
nt=$tag-t ni=$tag-i
work=$(mktemp -d /var/tmp/aoesan-bench.XXXXXX) # on disk, not tmpfs: O_DIRECT needs a real filesystem
target_pid=
cleanup() {
    [ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
    bench_lab_down "$nt" "$ni"
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

bench_lab_up "$nt" "$ni" 02:00:00:00:c0:01 02:00:00:00:c0:02 || exit 1

img=$work/disk.img
dd if=/dev/urandom of="$img" bs=1M count="$mib" status=none
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The first value of a key in bench's compact JSON (top-level keys come first for the ones read here).
field() { grep -o "\"$2\":[0-9.e+-]*" <<<"$1" | head -1 | cut -d: -f2; }

start_target() { # kind mode
    local opts=()
    case $2 in direct) opts+=(-d) ;; sync) opts+=(-s) ;; esac
    case $1 in
        vblade) ip netns exec "$nt" vblade "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 & ;;
        aoesan) ip netns exec "$nt" "$engine" serve --no-state "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 & ;;
        null) ip netns exec "$nt" "$null_target" 1 1 vt $((mib * 2048)) >"$work/target.log" 2>&1 & ;;
    esac
    target_pid=$!
    sleep 0.5
}
stop_target() {
    kill "$target_pid" 2>/dev/null
    wait "$target_pid" 2>/dev/null
    target_pid=
}

measure() { # kind mode test depth -> "MiB/s IOPS p50us cpu_s_per_gib retransmits"
    local kind=$1 mode=$2 test=$3 depth=$4 args out c0 c1 bytes
    args=(--"$test" --depth "$depth" --seconds "$seconds" --json)
    case $test in write | randwrite) args+=(--yes-destroy-data) ;; esac
    start_target "$kind" "$mode"
    [ "$mode" = cache ] && cat "$img" >/dev/null # the same warm page cache for both
    c0=$(cpu_ticks "$target_pid")
    out=$(ip netns exec "$ni" "$ctl" --log-level off bench 1.1 -i vi "${args[@]}" 2>"$work/bench.err")
    local rc=$?
    c1=$(cpu_ticks "$target_pid")
    stop_target
    if [ $rc -ne 0 ]; then
        echo "bench against $kind ($mode, $test, depth $depth) failed: $(cat "$work/bench.err")" >&2
        echo "fail fail fail fail fail"
        return
    fi
    bytes=$(grep -o '"bytes":[0-9.e+]*' <<<"$out" | cut -d: -f2 | awk '{s += $1} END {printf "%.0f", s}')
    printf "%.1f %.0f %.0f %s %s\n" "$(field "$out" mib_per_s)" "$(field "$out" iops)" "$(field "$out" p50)" \
        "$(awk "BEGIN{printf \"%.2f\", ($bytes > 0 ? ($c1-$c0)/$ticks / ($bytes/1073741824) : 0)}")" \
        "$(field "$out" retransmits)"
}
ratio() { awk "BEGIN{ if ($2 > 0 && $1 > 0) printf \"%.2f\", $1/$2; else printf \"-\" }" 2>/dev/null; }

echo "aoesan-ctl bench against vblade $(dpkg-query -W -f='${Version}' vblade 2>/dev/null), aoesan-engine and a no-disk responder"
echo "image: $mib MiB on $(df --output=source "$work" | tail -1) ($work); $seconds s per run; $(nproc) CPUs; $(uname -r)"
printf "%-5s %-6s %-9s %-2s | %8s %7s %6s %6s | %8s %7s %6s %6s | %6s %6s %6s %6s\n" MTU backing test qd \
    "vb MiB/s" IOPS "p50us" "CPU/G" "ao MiB/s" IOPS "p50us" "CPU/G" "xMiB/s" "xIOPS" "xp50" "xCPU"
for mtu in $mtus; do
    ip -n "$nt" link set vt mtu "$mtu" up
    ip -n "$ni" link set vi mtu "$mtu" up
    for mode in $modes; do
        for test in $tests; do
            # O_SYNC changes only writes.
            [ "$mode" = sync ] && { [ "$test" = read ] || [ "$test" = randread ]; } && continue
            for depth in $depths; do
                read -r vm vi_ vp vc vr <<<"$(measure vblade "$mode" "$test" "$depth")"
                read -r am ai ap ac ar <<<"$(measure aoesan "$mode" "$test" "$depth")"
                printf "%-5s %-6s %-9s %-2s | %8s %7s %6s %6s | %8s %7s %6s %6s | %6s %6s %6s %6s   rexmit vb=%s ao=%s\n" \
                    "$mtu" "$mode" "$test" "$depth" "$vm" "$vi_" "$vp" "$vc" "$am" "$ai" "$ap" "$ac" \
                    "$(ratio "$am" "$vm")" "$(ratio "$ai" "$vi_")" "$(ratio "$vp" "$ap")" "$(ratio "$vc" "$ac")" "$vr" "$ar"
            done
        done
    done
    for test in read write; do
        read -r nm ni_ np _ nr <<<"$(measure null cache "$test" 16)"
        printf "%-5s %-6s %-9s %-2s | %8s %7s %6s %6s |   (no-disk responder: the ceiling of link + initiator)\n" \
            "$mtu" none "$test" 16 "$nm" "$ni_" "$np" "-"
    done
done
