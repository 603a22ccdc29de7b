#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Throughput of aoesan's engine beside vblade 25 on the same veth pair, the same image and the same
# reader (aoe-read-bench, DEPTH requests in flight). Prints one table; never fails on speed.
# Everything runs in two network namespaces made here and removed at exit; needs root and vblade.
#
#   engine-vs-vblade.sh ENGINE READER [--mib N] [--mtu "1500 9000"] [--depth N] [--runs N] [--modes "cache direct"]
set -u
engine=$1 reader=$2; shift 2
mib=256 mtus="1500 9000" depth=16 runs=3 modes="cache direct" iops_seconds=4
while [ $# -gt 0 ]; do
    case $1 in
        --mib) mib=$2; shift ;;
        --mtu) mtus=$2; shift ;;
        --depth) depth=$2; shift ;;
        --runs) runs=$2; shift ;;
        --modes) modes=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 0; }
command -v vblade >/dev/null || { echo "SKIP: vblade is not installed (Debian package vblade)"; exit 0; }

tag=aoesan-bench-$$
nt=$tag-t ni=$tag-i
work=$(mktemp -d /var/tmp/aoesan-bench.XXXXXX)   # on disk, not tmpfs: O_DIRECT needs a real filesystem
target_pid=
cleanup() {
    [ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
    ip netns del "$nt" 2>/dev/null; ip netns del "$ni" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

ip netns add "$nt" && ip netns add "$ni" || exit 1
ip link add vt netns "$nt" address 02:00:00:00:c0:01 type veth peer name vi netns "$ni" address 02:00:00:00:c0:02
for ns in "$nt" "$ni"; do ip -n "$ns" link set lo up; ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1; done

img=$work/disk.img
dd if=/dev/urandom of="$img" bs=1M count="$mib" status=none
sectors=$(( mib * 2048 ))
want_md5=$(md5sum "$img" | cut -d' ' -f1)
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

start_target() { # kind mode
    local opts=()
    [ "$2" = direct ] && opts+=(-d)
    if [ "$1" = vblade ]; then
        ip netns exec "$nt" vblade "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 &
    else
        ip netns exec "$nt" "$engine" serve --no-state "${opts[@]}" 1 1 vt "$img" >"$work/target.log" 2>&1 &
    fi
    target_pid=$!
    sleep 0.4
}
stop_target() { kill "$target_pid" 2>/dev/null; wait "$target_pid" 2>/dev/null; target_pid=; }

measure() { # kind mode -> prints "mibs iops cpu_s_per_gib md5ok"
    local best_mibs=0 best_iops=0 cpu_per_gib=0 md5ok=yes out c0 c1 mibs iops
    start_target "$1" "$2"
    [ "$2" = cache ] && cat "$img" >/dev/null   # warm the page cache for both the same way
    for _ in $(seq "$runs"); do
        c0=$(cpu_ticks "$target_pid")
        out=$(ip netns exec "$ni" "$reader" vi 1 1 "$sectors" --depth "$depth" --md5) || { md5ok=fail; break; }
        c1=$(cpu_ticks "$target_pid")
        mibs=$(sed -n 's/.*mib_per_s=\([0-9.]*\).*/\1/p' <<<"$out")
        [ "$(sed -n 's/.*md5=\([0-9a-f]*\).*/\1/p' <<<"$out")" = "$want_md5" ] || md5ok=no
        if awk "BEGIN{exit !($mibs > $best_mibs)}"; then
            best_mibs=$mibs
            cpu_per_gib=$(awk "BEGIN{printf \"%.2f\", ($c1-$c0)/$ticks / ($mib/1024)}")
        fi
    done
    out=$(ip netns exec "$ni" "$reader" vi 1 1 "$sectors" --depth "$depth" --block-sectors 8 --seconds "$iops_seconds") \
        && best_iops=$(sed -n 's/.*iops=\([0-9]*\).*/\1/p' <<<"$out")
    stop_target
    echo "$best_mibs $best_iops $cpu_per_gib $md5ok"
}

printf "%-6s %-7s | %10s %8s %9s | %10s %8s %9s | %6s %6s\n" MTU backing "vblade MiB/s" IOPS "CPU s/GiB" \
    "aoesan MiB/s" IOPS "CPU s/GiB" "x MiB/s" "x IOPS"
for mtu in $mtus; do
    ip -n "$nt" link set vt mtu "$mtu" up; ip -n "$ni" link set vi mtu "$mtu" up
    for mode in $modes; do
        read -r vm vi_ vc vok <<<"$(measure vblade "$mode")"
        read -r am ai ac aok <<<"$(measure aoesan "$mode")"
        printf "%-6s %-7s | %10s %8s %9s | %10s %8s %9s | %6s %6s   md5 vblade=%s aoesan=%s\n" "$mtu" "$mode" \
            "$vm" "$vi_" "$vc" "$am" "$ai" "$ac" \
            "$(awk "BEGIN{printf \"%.2f\", ($vm > 0 ? $am/$vm : 0)}")" \
            "$(awk "BEGIN{printf \"%.2f\", ($vi_ > 0 ? $ai/$vi_ : 0)}")" "$vok" "$aok"
    done
done
