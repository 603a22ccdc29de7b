#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tst_boot_serve_vm (label vm, root): qemu boots from its NIC's own iPXE ROM (-boot n), gets its address and
# root path from `aoesan-ctl boot serve` and sanboots an `aoesan-engine serve` export whose boot sector
# (boot/sanboot-check.asm) reads a sector 10 MiB in and prints it on the serial port. Three runs on one lab of
# namespaces (the guest's tap, a bridge, veths; no real interface): the allowed machine with a DHCP range; a
# machine not named with --mac (gets nothing, boots nothing); proxy DHCP beside another DHCP server (a plain
# dnsmasq in a third namespace hands out the address, boot serve --proxy only the boot information).
# Usage: boot-serve-vm.sh AOESAN_CTL AOESAN_ENGINE WORKDIR
set -u
CTL=$1 ENGINE=$2 OUT=$3
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" = 0 ] || skip "needs root (namespaces, tap, qemu on the tap)"
ip netns add "bsv-probe-$$" 2>/dev/null || skip "cannot create a network namespace"
ip netns del "bsv-probe-$$"
for t in qemu-system-x86_64 nasm dnsmasq; do
    command -v "$t" >/dev/null || fail "$t is missing (apt-get install qemu-system-x86 nasm dnsmasq-base)"
done
[ -f /usr/lib/ipxe/qemu/pxe-virtio.rom ] || fail "qemu's iPXE ROM is missing (apt-get install ipxe-qemu)"

here=$(cd "$(dirname "$0")" && pwd)
NG=bsv-g-$$ NH=bsv-h-$$ ND=bsv-d-$$ # the guest's bridge, the boot host, the other DHCP server
rm -rf "$OUT" && mkdir -p "$OUT" || fail "cannot make $OUT"
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    for ns in "$NG" "$NH" "$ND"; do ip netns del "$ns" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
FAILS=0
check() { if [ "$2" = ok ]; then echo "PASS: $1${3:+ $3}"; else echo "FAIL: $1${3:+ $3}"; FAILS=$((FAILS + 1)); fi; }

# The image: the boot sector, 16 MiB in all (iPXE needs more than 8), a mark at 10 MiB.
nasm -f bin -o "$OUT/sanboot-check.bin" "$here/boot/sanboot-check.asm" || fail "nasm"
MARK="aoesan-mark-$$-0123456789abcdef"
MARK=${MARK:0:32}
truncate -s 16M "$OUT/disk.img"
dd if="$OUT/sanboot-check.bin" of="$OUT/disk.img" conv=notrunc status=none
printf '%s' "$MARK" | dd of="$OUT/disk.img" bs=512 seek=20480 conv=notrunc status=none

for ns in "$NG" "$NH" "$ND"; do
    ip netns add "$ns" || fail "namespace $ns"
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$ns" link set lo up
done
ip -n "$NG" link add br0 type bridge && ip -n "$NG" tuntap add dev tap0 mode tap && ip -n "$NG" link set tap0 master br0 &&
    ip -n "$NG" link add vh type veth peer name lan0 netns "$NH" && ip -n "$NG" link set vh master br0 &&
    ip -n "$NG" link add vd type veth peer name lan1 netns "$ND" && ip -n "$NG" link set vd master br0 ||
    fail "bridge, tap and veths"
for l in br0 tap0 vh vd; do ip -n "$NG" link set "$l" up; done
ip -n "$NH" addr add 10.78.0.1/24 dev lan0 && ip -n "$NH" link set lan0 up
ip -n "$ND" addr add 10.78.0.2/24 dev lan1 && ip -n "$ND" link set lan1 up

ip netns exec "$NH" "$ENGINE" serve --no-state 0 1 lan0 "$OUT/disk.img" >"$OUT/engine.log" 2>&1 &
PIDS+=($!)

# serve NAME ARGS...: boot serve in NH until stopped; its pid in SERVE_PID.
serve() {
    local name=$1
    shift
    ip netns exec "$NH" "$CTL" boot serve -i lan0 --root aoe:e0.1 "$@" >"$OUT/$name.serve.out" 2>"$OUT/$name.serve.err" &
    SERVE_PID=$!
    PIDS+=("$SERVE_PID")
    for _ in $(seq 1 50); do grep -q 'boot serve: aoe:e0.1' "$OUT/$name.serve.err" && return 0; sleep 0.1; done
    echo "boot serve did not start: $(cat "$OUT/$name.serve.err")"
    return 1
}
# boot NAME MAC SECONDS: qemu from its NIC ROM; its exit code in BOOT_RC (99: the boot sector read the disk).
boot() {
    local name=$1 mac=$2 secs=$3 start=$SECONDS
    timeout "$secs" ip netns exec "$NG" qemu-system-x86_64 -accel tcg -machine pc -m 256 -nodefaults -no-user-config \
        -display none -monitor none -boot n -no-reboot \
        -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device "virtio-net-pci,netdev=n0,mac=$mac" \
        -device isa-debug-exit,iobase=0xf4,iosize=1 -serial "file:$OUT/$name.console" \
        >"$OUT/$name.qemu" 2>&1
    BOOT_RC=$?
    BOOT_TIME=$((SECONDS - start))
}

# 1. An isolated segment: boot serve hands out the address and the root path.
serve range --range 10.78.0.100,10.78.0.120 --mac 52:54:00:ae:20:01 || fail "boot serve (range)"
boot range 52:54:00:ae:20:01 150
got=$(sed -n 's/.*AOESAN-SANBOOT \(.\{32\}\).*/\1/p' "$OUT/range.console" | head -n 1)
[ $BOOT_RC = 99 ] && [ "$got" = "$MARK" ]
check "DHCP range: the guest sanbooted e0.1 and read 10 MiB in" "$([ $? = 0 ] && echo ok)" \
    "(in $BOOT_TIME s; exit $BOOT_RC; read '$got')"
grep -q '^52:54:00:ae:20:01 10.78.0.1[0-2][0-9] iPXE: root-path aoe:e0.1$' "$OUT/range.serve.out"
check "boot serve printed the client and what it got" "$([ $? = 0 ] && echo ok)" "($(head -n 3 "$OUT/range.serve.out"))"

# 2. A machine that is not allowed: no answer, no boot (iPXE gives up after its DHCP timeouts).
boot stranger 52:54:00:ae:20:09 40
[ $BOOT_RC != 99 ] && ! grep -q AOESAN-SANBOOT "$OUT/stranger.console"
check "a machine not given with --mac does not boot" "$([ $? = 0 ] && echo ok)" "(exit $BOOT_RC after $BOOT_TIME s)"
grep -q '^52:54:00:ae:20:09 ignored' "$OUT/range.serve.out"; check "boot serve says it ignored it" "$([ $? = 0 ] && echo ok)"
kill "$SERVE_PID"; wait "$SERVE_PID"; rc=$?
check "boot serve stops on SIGTERM with exit 0" "$([ $rc = 0 ] && echo ok)" "(exit $rc)"

# 3. Proxy DHCP beside another DHCP server, which knows nothing of booting.
cat >"$OUT/other-dhcp.conf" <<EOC
port=0
interface=lan1
bind-interfaces
no-resolv
no-hosts
dhcp-leasefile=$OUT/other.leases
dhcp-range=10.78.0.150,10.78.0.160,255.255.255.0,1h
log-dhcp
log-facility=-
EOC
ip netns exec "$ND" dnsmasq --keep-in-foreground --conf-file="$OUT/other-dhcp.conf" --pid-file \
    >"$OUT/other-dhcp.log" 2>&1 &
PIDS+=($!)
serve proxy --proxy || fail "boot serve (proxy)"
boot proxy 52:54:00:ae:20:02 180
got=$(sed -n 's/.*AOESAN-SANBOOT \(.\{32\}\).*/\1/p' "$OUT/proxy.console" | head -n 1)
[ $BOOT_RC = 99 ] && [ "$got" = "$MARK" ]
check "proxy DHCP: the guest sanbooted e0.1 with the other server's address" "$([ $? = 0 ] && echo ok)" \
    "(in $BOOT_TIME s; exit $BOOT_RC; read '$got')"
grep -q 'DHCPACK(lan1) 10.78.0.1[56][0-9] 52:54:00:ae:20:02' "$OUT/other-dhcp.log"
check "the address came from the other server" "$([ $? = 0 ] && echo ok)"
sed 's/^/  boot serve --proxy: /' "$OUT/proxy.serve.out"

if [ $FAILS != 0 ]; then
    for f in "$OUT"/*.console "$OUT"/*.serve.err; do echo "--- $f"; tail -n 15 "$f"; done
    echo "tst_boot_serve_vm: $FAILS failed (logs in $OUT)"
    exit 1
fi
echo "tst_boot_serve_vm: all passed (logs in $OUT)"
