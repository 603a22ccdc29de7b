#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Many exports on one host (issue [11]): N exports on one interface, one aoesan-engine each (as the service
# runs them), then the same with vblade 25 beside it. For each: the targets' total CPU and memory while idle
# and under a broadcast Query Config storm (every export answers every query), and whether `aoesan-ctl stat`
# from the other side still lists all N during the storm. Prints figures; fails only when a run fails
# (an export that does not start, or fewer than N listed while idle).
# Everything runs in two network namespaces made here and removed at exit; needs root (and vblade for its row).
#
#   many-exports.sh ENGINE CTL [--exports 64] [--seconds 10] [--rates "1000 5000"] [--peer vblade|none]
set -u
engine=$1 ctl=$2; shift 2
exports=64 seconds=10 rates="1000 5000" peer=vblade
while [ $# -gt 0 ]; do
    case $1 in
        --exports) exports=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --rates) rates=$2; shift ;;
        --peer) peer=$2; shift ;;
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
python=/usr/bin/python3 # Debian's, whatever python3 is first on PATH

# shellcheck source=tests/bench/bench-lab.sh
. "$(dirname "$0")/bench-lab.sh"
tag=aoesan-many-$$
nt=$tag-t ni=$tag-i
work=$(mktemp -d /var/tmp/aoesan-many.XXXXXX)
pids=() storm_pid=
stop_targets() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    pids=()
}
cleanup() {
    [ -n "$storm_pid" ] && kill "$storm_pid" 2>/dev/null && wait "$storm_pid" 2>/dev/null
    stop_targets
    bench_lab_down "$nt" "$ni"
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

bench_lab_up "$nt" "$ni" 02:00:00:00:c2:01 02:00:00:00:c2:02 || exit 1
ip -n "$nt" link set vt up
ip -n "$ni" link set vi up

ticks=$(getconf CLK_TCK)
# Summed over the targets: CPU ticks (user + system), resident KiB, proportional (shared pages split) KiB.
cpu_ticks() {
    local p sum=0
    for p in "${pids[@]}"; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo "$sum"
}
memory_kib() {
    local p rss=0 pss=0 r s
    for p in "${pids[@]}"; do
        read -r r s <<<"$(awk '/^Rss:/ {r = $2} /^Pss:/ {s = $2} END {print r + 0, s + 0}' "/proc/$p/smaps_rollup" 2>/dev/null)"
        rss=$((rss + ${r:-0})) pss=$((pss + ${s:-0}))
    done
    echo "$rss $pss"
}
listed() { # targets `aoesan-ctl stat` lists from the initiator's side
    ip netns exec "$ni" "$ctl" --log-level off stat -i vi --json --wait 5 --quiet 1 2>/dev/null \
        | "$python" -c 'import json, sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0
}
# Broadcast Query Config (AoE command 1, shelf 0xffff, slot 0xff) from the initiator's MAC at RATE a second.
storm() {
    ip netns exec "$ni" "$python" - "$1" "$2" >"$work/storm.out" <<'EOF' &
import socket, sys, time
rate, seconds = int(sys.argv[1]), float(sys.argv[2])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("vi", 0))
frame = bytes.fromhex("ffffffffffff" "020000 00c202".replace(" ", "") + "88a2" "10 00 ffff ff 01".replace(" ", "")
                      + "00000000" + "0000 0000 00 00 0000".replace(" ", ""))
frame += bytes(60 - len(frame))
sent, start = 0, time.monotonic()
while True:
    now = time.monotonic() - start
    if now >= seconds:
        break
    for _ in range(min(int(now * rate) - sent, 64)):  # a short burst, then the clock again
        s.send(frame)
        sent += 1
    time.sleep(0.001)
print(sent / (time.monotonic() - start))
EOF
    storm_pid=$!
}

failed=0
printf "%-6s %7s | %-16s | %9s %9s %11s %11s | %6s\n" target exports phase "CPU s" "CPU %" "RSS KiB" "PSS KiB" listed
for kind in $kinds; do
    for ((i = 0; i < exports; ++i)); do
        truncate -s 16M "$work/disk$i.img"
        case $kind in
            vblade) ip netns exec "$nt" vblade 1 "$i" vt "$work/disk$i.img" >"$work/target$i.log" 2>&1 & ;;
            aoesan) ip netns exec "$nt" "$engine" serve --no-state 1 "$i" vt "$work/disk$i.img" >"$work/target$i.log" 2>&1 & ;;
        esac
        pids+=($!)
    done
    sleep 2
    count=$(listed)
    if [ "$count" -ne "$exports" ]; then
        echo "  $kind: $count of $exports exports listed while idle"
        failed=1
    fi
    sleep 2 # stat's own queries are over
    for phase in idle $rates; do
        before=$(cpu_ticks) since=$(date +%s.%N)
        if [ "$phase" = idle ]; then
            sleep "$seconds"
            what=idle
            count=-
        else
            storm "$phase" "$seconds"
            sleep 1
            count=$(listed)
            wait "$storm_pid"
            storm_pid=
            what="storm $(awk '{printf "%.0f", $1}' "$work/storm.out")/s"
        fi
        after=$(cpu_ticks) elapsed=$(awk -v a="$since" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
        read -r rss pss <<<"$(memory_kib)"
        cpu=$(awk -v t="$((after - before))" -v k="$ticks" 'BEGIN {printf "%.2f", t / k}')
        share=$(awk -v c="$cpu" -v s="$elapsed" 'BEGIN {printf "%.1f", 100 * c / s}')
        printf "%-6s %7d | %-16s | %9s %9s %11d %11d | %6s\n" "$kind" "$exports" "$what" "$cpu" "$share" "$rss" "$pss" "$count"
    done
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
    if [ "$alive" -ne "$exports" ]; then
        echo "  $kind: only $alive of $exports targets still running"
        failed=1
    fi
    stop_targets
done
echo "$(nproc) CPUs, $(uname -r); CPU s over a phase of about $seconds s, CPU % of one core; storms at the rate reached; each export a 16 MiB sparse image"
exit $failed
