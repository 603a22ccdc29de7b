#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# root-on-aoe-vm.sh - tst_root_on_aoe_vm (issue [10], label vm): a Debian 12 guest with no disk of its own
# mounts its root file system from an aoesan export through aoesan's initramfs-tools hook and script.
# The disk (root-on-aoe-image.sh, cached) is served by aoesan-engine as e0.1 in a target namespace this
# script makes; qemu (TCG) runs in an initiator namespace whose bridge joins its tap to a veth to the
# target. The guest boots Debian's kernel and initrd (taken from the image) with
# root=/dev/etherd/e0.1p1 BOOTIF=01-MAC; its PID 1 writes a token given on the command line and reboots, the
# second boot finds the token and powers off. Then qemu boots iPXE (ipxe.lkrn with a script as its initrd):
# sanboot aoe:e0.1 starts the export's extlinux, which loads the same kernel and initrd over AoE, and the
# root is found again. Last, with AOESAN-CTL given, the machine boots as a diskless PC does: from its NIC's own
# iPXE ROM (-boot n), with its address and root path from `aoesan-ctl boot serve`, through the same extlinux.
# e2fsck -fn on the image's partition must find it clean.
# First, the cheap negative case: a wrong shelf.slot (e0.9) ends in the script's message within
# aoe_wait and then in initramfs-tools' rescue shell. The boot times are printed (BOOT lines).
#
# Usage: root-on-aoe-vm.sh AOESAN-ENGINE CACHE_DIR [WORKDIR [AOESAN-CTL]]
# Exit: 0 every check passed; 1 a check failed; 2 usage; 77 not root or no network namespaces.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
[ $# -ge 2 ] || { sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
ENGINE=$1 CACHE=$2 CTL=${4:-}
skip() { echo "root-on-aoe-vm: SKIP: $*" >&2; exit 77; }
fail() { echo "root-on-aoe-vm: FAIL: $*" >&2; exit 1; }
note() { echo "root-on-aoe-vm: $*"; }
[ "$(id -u)" = 0 ] || skip "needs root (namespaces, tap, mmdebstrap)"
ip netns add "rav-probe-$$" 2>/dev/null || skip "cannot create a network namespace"
ip netns del "rav-probe-$$"
[ -x "$ENGINE" ] || fail "not executable: $ENGINE"
for t in qemu-system-x86_64 mmdebstrap mke2fs e2fsck debugfs; do
    command -v "$t" >/dev/null || fail "$t not found (packaging/build-from-source.sh --test installs what the tests need)"
done
[ -c /dev/net/tun ] || fail "/dev/net/tun missing"

WORK=${3:-$(mktemp -d "${TMPDIR:-/tmp}/root-on-aoe-vm.XXXXXX")}
mkdir -p "$WORK"
rm -f "$WORK"/*.log
NT=rav-t-$$ NI=rav-i-$$
ENGINE_PID='' QEMU_PID='' SERVE_PID=''
FAILS=0
stop() { # PID: TERM, then KILL after 5 s
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 1 25); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
cleanup() {
    stop "$QEMU_PID"
    stop "$SERVE_PID"
    stop "$ENGINE_PID"
    ip netns del "$NT" 2>/dev/null
    ip netns del "$NI" 2>/dev/null
    rm -f "$WORK/disk.img"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
check() { # NAME ok|FAIL [detail]
    echo "CHECK $1 $2${3:+ $3}"
    [ "$2" = ok ] || FAILS=$((FAILS + 1))
}

# ---- the disk, cached; its initrd must hold what the hook adds
T0=$SECONDS
ENTRY=$(bash "$HERE/root-on-aoe-image.sh" "$CACHE/root-on-aoe" "$SRC/packaging/initramfs-tools/hooks/aoesan" \
    "$SRC/packaging/initramfs-tools/scripts/local-top/aoesan") || fail "building the disk image failed"
note "disk image $ENTRY (ready after $((SECONDS - T0)) s)"
if command -v lsinitramfs >/dev/null; then
    lsinitramfs "$ENTRY/initrd.img" >"$WORK/initrd-files.txt" 2>/dev/null
    for f in scripts/local-top/aoesan 'kernel/drivers/block/aoe/aoe.ko' 'sbin/ip$' 'virtio_net.ko'; do
        grep -q "$f" "$WORK/initrd-files.txt" && check "initrd has $f" ok || check "initrd has $f" FAIL
    done
fi
cp --sparse=always "$ENTRY/disk.img" "$WORK/disk.img" || fail "copying the disk image"
PART_OFFSET=$((2048 * 512))

# ---- the lab: NT (veth-t, the engine) and NI (veth-i + tap-i on bridge br-i, qemu). Leftovers first.
for ns in $(ip netns list | awk '{print $1}' | grep -E '^rav-[ti]-[0-9]+$'); do
    kill -0 "${ns##*-}" 2>/dev/null && continue
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p"; done
    ip netns del "$ns"
done
ip netns add "$NT" && ip netns add "$NI" || fail "namespaces"
for ns in $NT $NI; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$ns" link set lo up
done
ip link add veth-t netns "$NT" type veth peer name veth-i netns "$NI" || fail "veth"
ip -n "$NI" link add br-i type bridge stp_state 0 forward_delay 0 && ip -n "$NI" link set veth-i master br-i &&
    ip -n "$NI" tuntap add dev tap-i mode tap && ip -n "$NI" link set tap-i master br-i || fail "bridge/tap"
ip -n "$NT" link set veth-t up
for l in veth-i br-i tap-i; do ip -n "$NI" link set "$l" up; done

ip netns exec "$NT" "$ENGINE" serve --no-state 0 1 veth-t "$WORK/disk.img" >>"$WORK/engine.log" 2>&1 &
ENGINE_PID=$!
sleep 1
kill -0 "$ENGINE_PID" 2>/dev/null || fail "the engine did not start: $(cat "$WORK/engine.log")"

# ---- qemu: Debian's kernel and initrd, no disk; the console is a file the checks below read.
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
secs() { printf '%d.%02d' $(($1 / 1000)) $(($1 % 1000 / 10)); } # ms → s
start_qemu() { # NAME KERNEL INITRD APPEND [qemu options]
    local name=$1 kernel=$2 initrd=$3 append=$4
    shift 4
    CONSOLE=$WORK/$name-console.log
    : >"$CONSOLE"
    ip netns exec "$NI" qemu-system-x86_64 -accel tcg -machine q35 -cpu max -smp 1 -m 512 \
        -nodefaults -no-user-config -display none -monitor none "$@" \
        -kernel "$kernel" -initrd "$initrd" -append "$append" \
        -netdev "tap,id=n0,ifname=tap-i,script=no,downscript=no" \
        -device "virtio-net-pci,netdev=n0,mac=52:54:00:ae:0a:01" \
        -serial "file:$CONSOLE" </dev/null >"$WORK/$name-qemu.log" 2>&1 &
    QEMU_PID=$!
    QEMU_T0=$(now_ms)
}
# Waits until the console has COUNT lines matching REGEX; sets AT (ms since qemu started). 1: timeout or qemu gone.
wait_line() { # REGEX COUNT TIMEOUT_S
    local end=$(($(now_ms) + $3 * 1000))
    while [ "$(grep -acE "$1" "$CONSOLE")" -lt "$2" ]; do
        if [ "$(now_ms)" -ge $end ]; then return 1; fi
        if ! kill -0 "$QEMU_PID" 2>/dev/null; then
            [ "$(grep -acE "$1" "$CONSOLE")" -ge "$2" ] && break
            return 1
        fi
        sleep 0.1
    done
    AT=$(($(now_ms) - QEMU_T0))
}
line() { grep -aE "$1" "$CONSOLE" | sed -n "${2:-1}p" | tr -d '\r'; }
BASE_ARGS="console=ttyS0 net.ifnames=0 loglevel=4"

# ---- negative: a shelf.slot nobody serves; aoe_wait=8 bounds the script, then the usual rescue shell.
note "negative case: root=/dev/etherd/e0.9p1 aoe=eth0 aoe_wait=8"
start_qemu wrong "$ENTRY/vmlinuz" "$ENTRY/initrd.img" "root=/dev/etherd/e0.9p1 aoe=eth0 aoe_wait=8 ro $BASE_ARGS" -no-reboot
if wait_line 'aoesan: root on AoE' 1 180; then
    began=$AT
    if wait_line '^aoesan: ERROR: /dev/etherd/e0.9p1 did not appear within 8 s' 1 60; then
        took=$((AT - began))
        note "the script's message came $(secs $took) s after it started (bound: aoe_wait=8 and the carrier wait)"
        [ $took -le 12000 ] && check "wrong shelf.slot: message within the bound" ok ||
            check "wrong shelf.slot: message within the bound" FAIL "($(secs $took) s)"
        wait_line '^aoesan:   The driver sees: e0.1\(up on eth0' 1 10 &&
            check "wrong shelf.slot: says what the driver sees (e0.1)" ok ||
            check "wrong shelf.slot: says what the driver sees (e0.1)" FAIL
        wait_line '^aoesan:   - shelf.slot: root=/dev/etherd/e0.9p1' 1 10 &&
            check "wrong shelf.slot: names what to check" ok || check "wrong shelf.slot: names what to check" FAIL
        if wait_line 'ALERT!  /dev/etherd/e0.9p1 does not exist.  Dropping to a shell!' 1 60; then
            check "wrong shelf.slot: initramfs-tools' rescue shell" ok
            note "rescue shell at $(secs "$AT") s"
        else
            check "wrong shelf.slot: initramfs-tools' rescue shell" FAIL
        fi
    else
        check "wrong shelf.slot: the script's message" FAIL "(none within 60 s)"
    fi
else
    check "wrong shelf.slot: the script ran" FAIL "(no 'aoesan: root on AoE' within 180 s)"
fi
grep -a '^aoesan:' "$CONSOLE" | tr -d '\r' | sed 's/^/  wrong| /'
stop "$QEMU_PID"
QEMU_PID=''

# ---- the root on e0.1p1: two boots in one qemu (it resets on the guest's reboot), then power off.
# The interface by its MAC (BOOTIF=, as pxelinux and iPXE pass it) rather than aoe=, which the other two
# boots use; aoe_target= adds the whole disk to what the script waits for.
TOKEN=rootaoe-$$-$RANDOM$RANDOM
note "root on AoE: root=/dev/etherd/e0.1p1 BOOTIF=01-52-54-00-ae-0a-01 aoe_target=e0.1, token $TOKEN"
start_qemu root "$ENTRY/vmlinuz" "$ENTRY/initrd.img" "root=/dev/etherd/e0.1p1 BOOTIF=01-52-54-00-ae-0a-01 \
aoe_target=e0.1 ro $BASE_ARGS init=/usr/local/sbin/rootaoe-init rootaoe.token=$TOKEN"
boot_checks() { # N: the Nth boot in the console
    local n=$1
    if ! wait_line '^ROOTAOE init ' "$n" 240; then
        check "boot $n: root mounted from AoE" FAIL "(no init within 240 s)"
        return 1
    fi
    local init_at=$AT
    local found
    found=$(line '^aoesan: /dev/etherd/e0.1p1 /dev/etherd/e0.1 is there after' "$n")
    [ -n "$found" ] && check "boot $n: the script waited for e0.1p1 and e0.1" ok ||
        check "boot $n: the script waited for e0.1p1 and e0.1" FAIL
    [ "$(line '^aoesan: BOOTIF=' "$n")" = "aoesan: BOOTIF=01-52-54-00-ae-0a-01 is eth0" ] &&
        check "boot $n: BOOTIF= named eth0" ok || check "boot $n: BOOTIF= named eth0" FAIL
    echo "  root| $(line 'aoesan: root on AoE' "$n")"
    echo "  root| $found"
    echo "  root| $(line '^ROOTAOE init ' "$n")"
    line '^ROOTAOE init ' "$n" | grep -q 'root=/dev/etherd/e0.1p1 state=up netif=eth0' &&
        check "boot $n: / is /dev/etherd/e0.1p1 (up on eth0)" ok || check "boot $n: / is /dev/etherd/e0.1p1 (up on eth0)" FAIL
    INIT_AT=$init_at
}
if boot_checks 1; then
    boot1=$INIT_AT
    echo "BOOT 1: PID 1 on the AoE root $(secs "$boot1") s after qemu started ($(line '^ROOTAOE init ' 1 | grep -o 'uptime=[0-9.]*') s of guest uptime)"
    if wait_line "^ROOTAOE wrote token=$TOKEN" 1 60 && wait_line '^ROOTAOE reboot' 1 60; then
        check "boot 1: token written, rebooting" ok
        reboot_at=$AT
        if boot_checks 2; then
            echo "BOOT 2: PID 1 on the AoE root $(secs $((INIT_AT - reboot_at))) s after the reboot ($(line '^ROOTAOE init ' 2 | grep -o 'uptime=[0-9.]*') s of guest uptime)"
            wait_line '^ROOTAOE found token=' 1 60
            [ "$(line '^ROOTAOE found token=')" = "ROOTAOE found token=$TOKEN" ] &&
                check "boot 2: the token of boot 1 is there" ok || check "boot 2: the token of boot 1 is there" FAIL "($(line '^ROOTAOE found'))"
            wait_line '^ROOTAOE poweroff' 1 60 || check "boot 2: powers off" FAIL
        fi
    else
        check "boot 1: token written, rebooting" FAIL
    fi
fi
# initramfs-tools' fsck (e2fsck in the initrd) checked the AoE root before each boot mounted it.
[ "$(grep -ac '^rootaoe: clean,' "$CONSOLE")" -ge 2 ] && check "the initramfs' e2fsck found the AoE root clean twice" ok ||
    check "the initramfs' e2fsck found the AoE root clean twice" FAIL "($(grep -a 'fsck' "$CONSOLE" | head -3 | tr -d '\r'))"
# The guest powers off: qemu ends by itself.
for _ in $(seq 1 300); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$QEMU_PID" 2>/dev/null; then
    check "the guest powered off" FAIL
    stop "$QEMU_PID"
else
    wait "$QEMU_PID" 2>/dev/null
    check "the guest powered off" ok
    echo "BOOTS: qemu ran $(secs $(($(now_ms) - QEMU_T0))) s for both boots and the power-off"
fi
QEMU_PID=''
grep -aiE 'error|warning|fail' "$CONSOLE" | grep -av '^ROOTAOE' | tr -d '\r' | head -20 | sed 's/^/  console| /'

# ---- the whole chain: iPXE (qemu's -kernel) sanboots e0.1, the export's extlinux loads Debian's kernel
# and initrd over AoE, the initramfs script finds the root again. PID 1 finds the first run's token and
# powers off.
if [ -f "$ENTRY/extlinux" ] && [ -r /usr/lib/ipxe/ipxe.lkrn ]; then
    printf '#!ipxe\nifopen net0\nsanboot aoe:e0.1\n' >"$WORK/script.ipxe"
    note "iPXE: sanboot aoe:e0.1 -> extlinux on e0.1 -> Debian's kernel -> root on /dev/etherd/e0.1p1"
    start_qemu ipxe /usr/lib/ipxe/ipxe.lkrn "$WORK/script.ipxe" "" -no-reboot
    if wait_line 'aoesan: root on AoE' 1 400 && wait_line '^ROOTAOE init ' 1 200; then
        echo "  ipxe| $(line '^aoesan: /dev/etherd/e0.1p1 is there after')"
        echo "  ipxe| $(line '^ROOTAOE init ')"
        echo "BOOT 3 (iPXE, extlinux over AoE): PID 1 on the AoE root $(secs "$AT") s after qemu started ($(line '^ROOTAOE init ' | grep -o 'uptime=[0-9.]*') s of guest uptime)"
        line '^ROOTAOE init ' | grep -q 'arg=extlinux root=/dev/etherd/e0.1p1 state=up netif=eth0' &&
            check "iPXE: extlinux's command line, / on /dev/etherd/e0.1p1" ok ||
            check "iPXE: extlinux's command line, / on /dev/etherd/e0.1p1" FAIL
        wait_line '^ROOTAOE found token=' 1 60
        [ "$(line '^ROOTAOE found token=')" = "ROOTAOE found token=$TOKEN" ] &&
            check "iPXE: the token of the first run is there" ok || check "iPXE: the token of the first run is there" FAIL
    else
        check "iPXE: booted through sanboot and extlinux" FAIL "(see $CONSOLE)"
    fi
    for _ in $(seq 1 300); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$QEMU_PID" 2>/dev/null && check "iPXE: the guest powered off" FAIL
    stop "$QEMU_PID"
    QEMU_PID=''
else
    check "iPXE chain: the image has extlinux and the host iPXE" FAIL "(extlinux, syslinux-common, ipxe: build-from-source.sh --test)"
fi
# ---- a diskless PC: the NIC's own iPXE ROM (-boot n) asks DHCP; aoesan-ctl boot serve answers with an address
# and root-path aoe:e0.1 (only to this MAC), iPXE sanboots it, and on through extlinux as above.
if [ -n "$CTL" ] && [ -f "$ENTRY/extlinux" ]; then
    ip -n "$NT" addr add 10.79.0.1/24 dev veth-t
    ip netns exec "$NT" "$CTL" boot serve -i veth-t --root aoe:e0.1 --range 10.79.0.100,10.79.0.120 \
        --mac 52:54:00:ae:0a:01 >"$WORK/boot-serve.out" 2>"$WORK/boot-serve.log" &
    SERVE_PID=$!
    for _ in $(seq 1 100); do grep -q 'boot serve: aoe:e0.1' "$WORK/boot-serve.log" && break; sleep 0.1; done
    CONSOLE=$WORK/netboot-console.log
    : >"$CONSOLE"
    ip netns exec "$NI" qemu-system-x86_64 -accel tcg -machine q35 -cpu max -smp 1 -m 512 \
        -nodefaults -no-user-config -display none -monitor none -no-reboot -boot n \
        -netdev "tap,id=n0,ifname=tap-i,script=no,downscript=no" \
        -device "virtio-net-pci,netdev=n0,mac=52:54:00:ae:0a:01" \
        -serial "file:$CONSOLE" </dev/null >"$WORK/netboot-qemu.log" 2>&1 &
    QEMU_PID=$!
    QEMU_T0=$(now_ms)
    if wait_line 'aoesan: root on AoE' 1 400 && wait_line '^ROOTAOE init ' 1 200; then
        echo "BOOT 4 (NIC ROM, boot serve, extlinux over AoE): PID 1 on the AoE root $(secs "$AT") s after qemu started"
        line '^ROOTAOE init ' | grep -q 'arg=extlinux root=/dev/etherd/e0.1p1 state=up netif=eth0' &&
            check "boot serve: / on /dev/etherd/e0.1p1 after a network boot" ok ||
            check "boot serve: / on /dev/etherd/e0.1p1 after a network boot" FAIL
        wait_line '^ROOTAOE found token=' 1 60
        [ "$(line '^ROOTAOE found token=')" = "ROOTAOE found token=$TOKEN" ] &&
            check "boot serve: the token of the first run is there" ok ||
            check "boot serve: the token of the first run is there" FAIL
    else
        check "boot serve: the NIC ROM booted the export" FAIL "(see $CONSOLE, $WORK/boot-serve.log)"
    fi
    sed 's/^/  boot serve| /' "$WORK/boot-serve.out"
    grep -q '^52:54:00:ae:0a:01 10.79.0.1[0-2][0-9] iPXE: root-path aoe:e0.1$' "$WORK/boot-serve.out" &&
        check "boot serve gave this machine its address and root path" ok ||
        check "boot serve gave this machine its address and root path" FAIL
    for _ in $(seq 1 300); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$QEMU_PID" 2>/dev/null && check "boot serve: the guest powered off" FAIL
    stop "$QEMU_PID"
    QEMU_PID=''
    stop "$SERVE_PID"
    SERVE_PID=''
elif [ -n "$CTL" ]; then
    check "boot serve chain: the image has extlinux" FAIL
fi
stop "$ENGINE_PID"
ENGINE_PID=''

# ---- the host's view of the partition after the power-off
e2fsck -fn "$WORK/disk.img?offset=$PART_OFFSET" >"$WORK/e2fsck.log" 2>&1
rc=$?
sed 's/^/  e2fsck| /' "$WORK/e2fsck.log"
[ $rc = 0 ] && check "e2fsck -fn on the partition: clean" ok || check "e2fsck -fn on the partition: clean" FAIL "(exit $rc)"
got=$(debugfs -R 'cat /var/lib/rootaoe/token' "$WORK/disk.img?offset=$PART_OFFSET" 2>/dev/null)
[ "$got" = "$TOKEN" ] && check "the host reads the token from the partition" ok ||
    check "the host reads the token from the partition" FAIL "($got)"
debugfs -R 'stat /var/lib/rootaoe/second' "$WORK/disk.img?offset=$PART_OFFSET" 2>/dev/null | grep -q 'Size:' &&
    check "the second boot wrote too" ok || check "the second boot wrote too" FAIL

note "logs in $WORK (wrong-console.log, root-console.log, engine.log, e2fsck.log)"
if [ $FAILS != 0 ]; then
    echo "--- last lines of the console ($CONSOLE):"
    tail -n 40 "$CONSOLE" | tr -d '\r'
    fail "$FAILS check(s) failed"
fi
note "PASS in $((SECONDS - T0)) s"
