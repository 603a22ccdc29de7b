# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the bench scripts: the two network namespaces they run in, a target side (vt) and an initiator
# side (vi) joined by a veth pair, IPv6 off so that no router solicitations cross the link.
#
#   bench_lab_up NS_TARGET NS_INITIATOR MAC_TARGET MAC_INITIATOR   (returns non-zero if it cannot)
#   bench_lab_down NS_TARGET NS_INITIATOR

bench_lab_up() {
    local nt=$1 ni=$2 ns
    ip netns add "$nt" && ip netns add "$ni" || return 1
    ip link add vt netns "$nt" address "$3" type veth peer name vi netns "$ni" address "$4" || return 1
    for ns in "$nt" "$ni"; do
        ip -n "$ns" link set lo up
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    done
}

bench_lab_down() {
    ip netns del "$1" 2>/dev/null
    ip netns del "$2" 2>/dev/null
}
