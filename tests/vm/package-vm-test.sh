#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# package-vm-test.sh - proves a built aoesan .deb in a real Debian 12 system with systemd as PID 1
# (issue 8). Checks the package with lintian, desktop-file-validate and appstreamcli; boots a cached
# Debian 12 (debian-vm-root.sh) under qemu (TCG), whose only NIC is a tap bridged to a veth in two
# network namespaces this script creates; inside, package-vm-guest.sh installs the package (postinst under
# systemd), checks the service, its user, group, capability and polkit rule with an export of an image
# file, reboots, upgrades to a repacked higher version and purges. From the other namespace this script
# runs aoeping against the export whenever the guest asks. The guest never reaches a real interface.
#
# Usage: package-vm-test.sh [-c CACHE_DIR] [-o LOG_DIR] [-T SECONDS] DEB
#   DEB may be a glob ('build/aoesan_0.1.0_*.deb'): the newest match is used.
#   -c  where the Debian root image is cached (default: DEB's directory/vm-cache)
#   -o  where the logs go: console.log (ttyS0), guest.log (the test channel), qemu.log, lintian.log
#       (default: DEB's directory/package-vm); kept after the run
#   -T  time limit for the VM (default 1200)
# Exit status: 0 every check passed; 1 a check failed; 2 usage; 77 not root or a tool missing.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE='' LOGS='' VM_TIMEOUT=1200
usage() { sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while getopts 'c:o:T:h' opt; do
    case $opt in
        c) CACHE=$OPTARG ;; o) LOGS=$OPTARG ;; T) VM_TIMEOUT=$OPTARG ;; *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# = 1 ] || usage

skip() { echo "package-vm-test: $*" >&2; exit 77; }
# The newest file the argument names (a path or a glob).
DEB=$(compgen -G "$1" | xargs -r ls -1t 2>/dev/null | head -n 1)
[ -n "$DEB" ] && [ -r "$DEB" ] || {
    echo "package-vm-test: no package $1: build it with packaging/build-from-source.sh --deb" >&2
    exit 1
}
DEB=$(readlink -f "$DEB")
[ -n "$CACHE" ] || CACHE=$(dirname "$DEB")/vm-cache
[ -n "$LOGS" ] || LOGS=$(dirname "$DEB")/package-vm
[ "$(id -u)" = 0 ] || skip "needs root (namespaces, tap, mmdebstrap)"
for t in ip qemu-system-x86_64 mmdebstrap mke2fs dpkg-deb lintian desktop-file-validate appstreamcli aoeping vblade busybox; do
    command -v "$t" >/dev/null || skip "$t not found (packaging/build-from-source.sh --test installs what the tests need)"
done
[ -c /dev/net/tun ] || skip "/dev/net/tun missing"

mkdir -p "$LOGS"
rm -f "$LOGS"/*.log
WORK=$(mktemp -d /tmp/aoevm-XXXXXX)
NS_G=aoevm-g-$$ # the guest's tap, a bridge and one end of the veth pair
NS_H=aoevm-h-$$ # the other end: where aoeping runs
QEMU_PID=''
FAILS=0
T0=$SECONDS
PHASE_T=$SECONDS

cleanup() {
    if [ -n "$QEMU_PID" ] && kill -0 "$QEMU_PID" 2>/dev/null; then
        kill "$QEMU_PID" 2>/dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$QEMU_PID" 2>/dev/null
    fi
    [ -n "$QEMU_PID" ] && wait "$QEMU_PID" 2>/dev/null
    [ -n "$VBLADE_PID" ] && kill "$VBLADE_PID" 2>/dev/null
    exec 3<&- 4>&- 2>/dev/null
    ip netns del "$NS_G" 2>/dev/null
    ip netns del "$NS_H" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

note() { echo "package-vm-test: $*"; }
check() { # check NAME ok|FAIL [detail]
    echo "CHECK $1 $2${3:+ $3}"
    [ "$2" = ok ] || FAILS=$((FAILS + 1))
}
phase() { # prints how long the last phase took, then starts the next
    echo "PHASE $1 (at $((SECONDS - T0)) s; previous phase $((SECONDS - PHASE_T)) s)"
    PHASE_T=$SECONDS
}

# ---- static checks of the package file
phase static
lintian --fail-on error --tag-display-limit 0 "$DEB" >"$LOGS/lintian.log" 2>&1
rc=$?
sed 's/^/lintian: /' "$LOGS/lintian.log"
[ $rc = 0 ] && check lintian ok || check lintian FAIL "(exit $rc, $LOGS/lintian.log)"
dpkg-deb -x "$DEB" "$WORK/contents" || { note "dpkg-deb -x failed"; exit 1; }
# Every desktop entry (the menu's, autostart's) and metainfo file; the menu entry and the metainfo must be there.
ls "$WORK"/contents/usr/share/applications/*.desktop >/dev/null 2>&1 ||
    check desktop-file FAIL "(no .desktop file in /usr/share/applications)"
ls "$WORK"/contents/usr/share/metainfo/*.xml >/dev/null 2>&1 ||
    check metainfo FAIL "(no metainfo file in /usr/share/metainfo)"
while IFS= read -r f; do
    out=$(desktop-file-validate "$f" 2>&1)
    rc=$?
    [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/desktop-file-validate: /'
    [ $rc = 0 ] && [ -z "$out" ] && check "desktop-file ${f#"$WORK/contents"}" ok ||
        check "desktop-file ${f#"$WORK/contents"}" FAIL
done < <(find "$WORK/contents" -name '*.desktop' -type f | sort)
while IFS= read -r f; do
    out=$(appstreamcli validate --no-net "$f" 2>&1)
    rc=$?
    printf '%s\n' "$out" | sed 's/^/appstreamcli: /'
    [ $rc = 0 ] && check "metainfo ${f#"$WORK/contents"}" ok || check "metainfo ${f#"$WORK/contents"}" FAIL
done < <(find "$WORK/contents" \( -path '*/metainfo/*.xml' -o -name '*.appdata.xml' \) -type f | sort)

# ---- the upgrade: the same package, a higher version
phase repack
VERSION=$(dpkg-deb -f "$DEB" Version)
UPGRADE_VERSION=$VERSION+vmtest1
dpkg-deb -R "$DEB" "$WORK/repack" &&
    sed -i "s/^Version: .*/Version: $UPGRADE_VERSION/" "$WORK/repack/DEBIAN/control" &&
    mkdir -p "$WORK/data" &&
    dpkg-deb -b --root-owner-group "$WORK/repack" "$WORK/data/aoesan-upgrade.deb" >/dev/null || {
    note "repacking $DEB as $UPGRADE_VERSION failed"
    exit 1
}
rm -rf "$WORK/repack" "$WORK/contents"
note "package $DEB ($VERSION), upgrade $UPGRADE_VERSION"

# ---- the guest system, cached
phase root-image
ENTRY=$(bash "$HERE/debian-vm-root.sh" "$CACHE" "$DEB")
rc=$?
[ $rc = 77 ] && skip "debian-vm-root.sh cannot run"
[ $rc = 0 ] && [ -f "$ENTRY/ready" ] || { note "building the Debian root failed ($rc)"; exit 1; }

# The data disk: the packages, the guest's script and its parameters.
SHELF=7 SLOT=3
cp "$DEB" "$WORK/data/aoesan.deb"
cp "$HERE/package-vm-guest.sh" "$WORK/data/guest.sh"
cat >"$WORK/data/params" <<EOF
SHELF=$SHELF
SLOT=$SLOT
EXPORT=vmtest
MEMBER=aoevm-member
OTHER=aoevm-other
UPGRADE_VERSION=$UPGRADE_VERSION
IMAGE=/srv/aoesan/vmtest.img
EOF
size=$(($(du -sm "$WORK/data" | cut -f1) + 16))
mke2fs -q -t ext4 -L AOEVMDATA -d "$WORK/data" -F "$WORK/data.img" "${size}M" >/dev/null || { note "mke2fs failed"; exit 1; }

# ---- two namespaces: tap + bridge + veth-g in NS_G, veth-h in NS_H. Leftovers of killed runs go first.
phase network
for ns in $(ip netns list 2>/dev/null | grep -o '^aoevm-[gh]-[0-9]\+'); do
    kill -0 "${ns##*-}" 2>/dev/null || ip netns del "$ns" 2>/dev/null
done
net() {
    ip netns add "$NS_G" && ip netns add "$NS_H" &&
        ip -n "$NS_G" link add veth-g type veth peer name veth-h netns "$NS_H" &&
        ip -n "$NS_G" link add br0 address 02:ae:00:00:10:fe type bridge stp_state 0 forward_delay 0 &&
        ip -n "$NS_G" tuntap add dev tap0 mode tap &&
        ip -n "$NS_G" link set veth-g master br0 && ip -n "$NS_G" link set tap0 master br0 &&
        ip -n "$NS_H" link set veth-h address 02:ae:00:00:10:02 || return 1
    local n
    for n in "$NS_G" "$NS_H"; do
        ip netns exec "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 || return 1
        ip -n "$n" link set lo up || return 1
    done
    ip -n "$NS_G" link set tap0 up && ip -n "$NS_G" link set veth-g up && ip -n "$NS_G" link set br0 up &&
        ip -n "$NS_H" link set veth-h up
}
net || { note "setting up the namespaces failed"; exit 1; }

# aoeping from NS_H: found within SECS (aoeping prints the target's config answer).
# aoeping ends by SIGALRM when nothing answers: a subshell that does not just exec it reports that on its
# own (discarded) stderr, which keeps bash's "Alarm clock" out of the output.
aoeping_finds() { # SHELF SLOT SECS
    echo "--- aoeping -s $3 $1 $2 veth-h (at $((SECONDS - T0)) s)" >>"$LOGS/aoeping.log"
    (
        ip netns exec "$NS_H" timeout $(($3 + 5)) aoeping -v -s "$3" "$1" "$2" veth-h >>"$LOGS/aoeping.log" 2>&1
        exit $?
    ) 2>/dev/null
}

# ---- boot. ttyS0: console (kernel, systemd); ttyS1: the test channel, two fifos (qemu opens both O_RDWR).
phase boot
mkfifo "$WORK/ctl.in" "$WORK/ctl.out"
ip netns exec "$NS_G" qemu-system-x86_64 -accel tcg -machine q35 -cpu max -smp 2 -m 1024 \
    -nodefaults -no-user-config -display none -monitor none \
    -kernel "$ENTRY/vmlinuz" -initrd "$ENTRY/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 panic=-1 systemd.show_status=auto loglevel=4" \
    -drive "file=$ENTRY/root.img,format=raw,if=virtio,snapshot=on" \
    -drive "file=$WORK/data.img,format=raw,if=virtio,readonly=on" \
    -netdev "tap,id=n0,ifname=tap0,script=no,downscript=no" \
    -device "virtio-net-pci,netdev=n0,mac=52:54:00:ae:10:01" \
    -device virtio-rng-pci \
    -serial "file:$LOGS/console.log" \
    -chardev "pipe,id=ctl,path=$WORK/ctl" -serial chardev:ctl \
    </dev/null >"$LOGS/qemu.log" 2>&1 &
QEMU_PID=$!
exec 3<>"$WORK/ctl.out" 4<>"$WORK/ctl.in"

result=''
deadline=$((SECONDS + VM_TIMEOUT))
last_line=$SECONDS
while [ -z "$result" ]; do
    if ! IFS= read -r -t 10 line <&3; then
        if ! kill -0 "$QEMU_PID" 2>/dev/null; then
            note "qemu ended before the guest said it was done (see $LOGS/qemu.log, $LOGS/console.log)"
            break
        fi
        if [ $SECONDS -ge $deadline ]; then note "time limit of $VM_TIMEOUT s reached"; break; fi
        if [ $((SECONDS - last_line)) -ge 420 ]; then note "the guest said nothing for 420 s"; break; fi
        continue
    fi
    last_line=$SECONDS
    line=${line%$'\r'}
    printf '%s\n' "$line" >>"$LOGS/guest.log"
    case $line in
        'AOEVM| '*) ;; # detail: in guest.log
        'AOEVM phase '*) phase "guest:${line#AOEVM phase }" ;;
        'AOEVM check '*) set -- ${line#AOEVM check }; n=$1 s=$2; shift 2; check "guest:$n" "$s" "$*" ;;
        'AOEVM ask aoeping '*)
            set -- ${line#AOEVM ask aoeping }
            if aoeping_finds "$1" "$2" 10 || aoeping_finds "$1" "$2" 20; then r=ok; else r=FAIL; fi
            check "host:aoeping-e$1.$2" "$r"
            echo "reply $r" >&4 ;;
        'AOEVM ask aoeping-gone '*)
            set -- ${line#AOEVM ask aoeping-gone }
            if aoeping_finds "$1" "$2" 5; then r=FAIL; else r=ok; fi
            check "host:no-aoeping-e$1.$2" "$r"
            echo "reply $r" >&4 ;;
        'AOEVM ask serve '*)
            # A target of another machine for the guest's aoe driver: vblade in NS_H, over a known pattern.
            set -- ${line#AOEVM ask serve }
            yes aoesan-vm-attach | head -c $((16 << 20)) >"$WORK/attach.img"
            ip netns exec "$NS_H" vblade "$1" "$2" veth-h "$WORK/attach.img" >>"$LOGS/vblade.log" 2>&1 &
            VBLADE_PID=$!
            sleep 1
            if kill -0 "$VBLADE_PID" 2>/dev/null; then r=ok; else r=FAIL; fi
            check "host:vblade-e$1.$2" "$r"
            echo "reply $r" >&4 ;;
        'AOEVM ask dhcp '*)
            # A DHCP client on the host side, like iPXE (option 175), asking for the root path (17).
            want=${line#AOEVM ask dhcp }
            printf '#!/bin/sh\n[ "$1" = bound ] && echo "rootpath=$rootpath" >"%s"\nexit 0\n' "$WORK/dhcp.env" \
                >"$WORK/dhcp.sh"
            chmod +x "$WORK/dhcp.sh"
            : >"$WORK/dhcp.env"
            ip netns exec "$NS_H" busybox udhcpc -i veth-h -n -q -f -t 5 -T 3 -s "$WORK/dhcp.sh" \
                -V "PXEClient:Arch:00000:UNDI:002001" -x 175:0101 -O 17 >>"$LOGS/dhcp.log" 2>&1
            ip -n "$NS_H" addr flush dev veth-h
            if grep -qx "rootpath=$want" "$WORK/dhcp.env"; then r=ok; else r=FAIL; fi
            check "host:dhcp-$want" "$r" "($(cat "$WORK/dhcp.env"))"
            echo "reply $r" >&4 ;;
        'AOEVM ask unserve'*)
            kill "$VBLADE_PID" 2>/dev/null; wait "$VBLADE_PID" 2>/dev/null; VBLADE_PID=''
            echo "reply ok" >&4 ;;
        'AOEVM ask '*) echo "reply FAIL unknown request" >&4 ;;
        'AOEVM done '*) result=${line#AOEVM done } ;;
        'aoevm-driver: '*) echo "guest: $line"; result=${line#aoevm-driver: } ;; # it found no test to run
        *) echo "guest: $line" ;;
    esac
done
phase end

# The guest powers off after "done"; give it a moment, cleanup kills it otherwise.
for _ in $(seq 1 60); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.5; done
if [ "$result" != result=PASS ] || [ $FAILS != 0 ]; then
    [ -z "$result" ] && { FAILS=$((FAILS + 1)); echo "--- last lines of the console:"; tail -n 40 "$LOGS/console.log"; }
    echo "--- last details from the guest:"
    grep -a '^AOEVM| ' "$LOGS/guest.log" | tail -n 120 | cut -c8-
    note "FAILED: $FAILS check(s), guest ${result:-gave no result}; logs in $LOGS"
    exit 1
fi
note "PASS in $((SECONDS - T0)) s; logs in $LOGS"
exit 0
