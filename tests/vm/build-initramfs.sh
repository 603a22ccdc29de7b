#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# build-initramfs.sh - pack a minimal initramfs that turns a stock Debian kernel into a
# Linux AoE *initiator* for aoesan's vm-labelled tests.
#
# The image holds busybox-static, the kernel's own aoe.ko and the virtio-net driver stack
# (dependencies resolved with modinfo, so the load order follows the kernel's metadata).
# Its /init loads "aoe aoe_iflist=eth0", discovers eSHELF.SLOT, prints one
# "AOETEST key=value ..." line per fact to the serial console, optionally writes a known
# pattern, reads the whole device, prints its md5 and powers the VM off.
# The target is whatever answers on the wire (vblade, or aoesan's own engine).
#
# Usage: build-initramfs.sh [-p PROGRAM]... [-g GUEST.sh] OUT.cpio.gz [KVER]
#   KVER defaults to the newest /lib/modules/* that has both aoe and virtio_net.
#   -p PROGRAM  copy PROGRAM to /usr/bin with every library ldd lists (and the dynamic loader),
#               and install aoe.ko as /lib/modules/KVER/kernel/drivers/block/aoe/aoe.ko with
#               depmod's index, so the program's own `modprobe aoe` (busybox) finds it
#   -g GUEST    after the NIC is up, /init runs GUEST (busybox sh) instead of loading aoe.ko
#               itself; GUEST's output goes to the console, and /init powers off when it ends
# Exit: 0 built, 2 usage, 77 a needed package/file is missing (busybox-static,
#       linux-image-amd64, cpio, kmod), 1 anything else.
#
# Kernel command-line knobs read by /init (all optional):
#   aoetest.shelf=N aoetest.slot=N  device to wait for (default 0 and 1, i.e. e0.1)
#   aoetest.mtu=N                   MTU for eth0 (default: whatever the NIC reports)
#   aoetest.wait=SECONDS            discovery deadline (default 30)
#   aoetest.deadsecs=N              passed to aoe.ko as aoe_deadsecs (default: driver's)
#   aoetest.write=LBA[,COUNT]       write (fsync) COUNT (default 1) sectors of the pattern
#                                   "aoesan-vm-write\n" x 32 per sector (= `yes aoesan-vm-write`)
#                                   at LBA, then read them back and compare
#   aoetest.read=0                  skip the whole-device read and md5
# Lines printed (space separated key=value, one topic per line, always prefixed "AOETEST "):
#   AOETEST boot uptime=S
#   AOETEST nic name=eth0 mac=M mtu=N
#   AOETEST found dev=eX.Y waited_ms=N uptime=S          (or result=FAIL reason=nodevice)
#   AOETEST dev=eX.Y size=SECTORS bytes=N payload=N state=S mac=M netif=I fwver=F
#   AOETEST write lba=N sectors=N rc=N verify=ok|bad md5=H
#   AOETEST read bytes=N md5=H rc=N seconds=S
#   AOETEST result=PASS|FAIL [reason=...]
#   AOETEST end uptime=S
set -eu

usage() { echo "usage: $0 OUT.cpio.gz [KVER]" >&2; exit 2; }
missing() { echo "build-initramfs: missing $1 (apt-get install --no-install-recommends $2)" >&2; exit 77; }

PROGRAMS='' GUEST=''
while getopts 'p:g:' opt; do
  case $opt in
    p) PROGRAMS="$PROGRAMS $OPTARG" ;;
    g) GUEST=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] && [ $# -le 2 ] || usage
OUT=$1
for p in $PROGRAMS ${GUEST:+"$GUEST"}; do [ -r "$p" ] || { echo "build-initramfs: cannot read $p" >&2; exit 1; }; done

for tool in cpio gzip modinfo find; do
  command -v "$tool" >/dev/null 2>&1 || case $tool in
    cpio) missing cpio cpio ;;
    modinfo) missing modinfo kmod ;;
    *) missing "$tool" "$tool" ;;
  esac
done

BUSYBOX=
for b in /bin/busybox /usr/bin/busybox; do
  # insist on a static binary: there is no libc in the initramfs
  if [ -x "$b" ] && ! LC_ALL=C ldd "$b" >/dev/null 2>&1; then BUSYBOX=$b; break; fi
done
[ -n "$BUSYBOX" ] || missing "a static busybox" busybox-static

has_mod() { modinfo -k "$1" -F filename "$2" >/dev/null 2>&1; }

if [ $# -ge 2 ]; then
  KVER=$2
else
  KVER=
  for d in $(ls -1 /lib/modules 2>/dev/null | sort -V); do
    if has_mod "$d" aoe && has_mod "$d" virtio_net; then KVER=$d; fi
  done
  [ -n "$KVER" ] || missing "a kernel with aoe.ko and virtio_net.ko" linux-image-amd64
fi
has_mod "$KVER" aoe || missing "aoe.ko for kernel $KVER" "linux-image-$KVER"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aoesan-initramfs.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$WORK/bin" "$WORK/dev" "$WORK/proc" "$WORK/sys" "$WORK/tmp" "$WORK/lib/aoetest"
cp "$BUSYBOX" "$WORK/bin/busybox"

# Depth-first walk over modinfo "depends": every module lands in load.list after its deps.
: > "$WORK/lib/aoetest/load.list"
add_module() {
  # shellcheck disable=SC3043  # dash and busybox sh have "local"; the recursion needs it
  local name deps dep src
  name=$1
  grep -qx "$name" "$WORK/lib/aoetest/load.list" && return 0
  deps=$(modinfo -k "$KVER" -F depends "$name") || { echo "build-initramfs: no module $name in $KVER" >&2; exit 77; }
  for dep in $(echo "$deps" | tr ',' ' '); do add_module "$dep"; done
  grep -qx "$name" "$WORK/lib/aoetest/load.list" && return 0
  src=$(modinfo -k "$KVER" -F filename "$name")
  case $src in
    *.ko.xz)  xz -dc "$src" > "$WORK/lib/aoetest/$name.ko" ;;
    *.ko.zst) zstd -qdc "$src" > "$WORK/lib/aoetest/$name.ko" ;;
    *.ko.gz)  gzip -dc "$src" > "$WORK/lib/aoetest/$name.ko" ;;
    *)        cp "$src" "$WORK/lib/aoetest/$name.ko" ;;
  esac
  echo "$name" >> "$WORK/lib/aoetest/load.list"
}
# virtio_pci provides the PCI transport; virtio_net does not depend on it by symbol.
for m in virtio_pci virtio_net aoe; do add_module "$m"; done

if [ -n "$PROGRAMS" ]; then
  command -v depmod >/dev/null 2>&1 || missing depmod kmod
  mkdir -p "$WORK/usr/bin" "$WORK/lib/modules/$KVER/kernel/drivers/block/aoe"
  cp "$WORK/lib/aoetest/aoe.ko" "$WORK/lib/modules/$KVER/kernel/drivers/block/aoe/aoe.ko"
  depmod -b "$WORK" "$KVER"
  for p in $PROGRAMS; do
    # without its debug sections: a RelWithDebInfo build is mostly DWARF, and the guest's RAM holds it all
    if command -v strip >/dev/null 2>&1; then
      strip --strip-debug -o "$WORK/usr/bin/$(basename "$p")" "$p"
    else
      cp "$p" "$WORK/usr/bin/"
    fi
    # ldd prints "name => /path (addr)" and the loader as "/lib64/ld-linux-x86-64.so.2 (addr)";
    # each library keeps its path so the loader's default search finds it.
    for lib in $(LC_ALL=C ldd "$p" | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
      [ -e "$WORK$lib" ] && continue
      mkdir -p "$WORK$(dirname "$lib")"
      cp -L "$lib" "$WORK$lib"
    done
  done
fi
[ -z "$GUEST" ] || cp "$GUEST" "$WORK/lib/aoetest/guest.sh"

cat > "$WORK/init" <<'INIT'
#!/bin/busybox sh
# /init of the aoesan initiator VM (see tests/vm/build-initramfs.sh for the knobs).
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin
mount -t proc none /proc
mount -t sysfs none /sys
mount -t devtmpfs none /dev
exec </dev/console >/dev/console 2>&1
up() { cut -d' ' -f1 /proc/uptime; }
say() { echo "AOETEST $*"; }
finish() {
  say "result=$1${2:+ reason=$2}"
  say "end uptime=$(up)"
  sync
  poweroff -f
  sleep 5
  exit 0   # if poweroff failed, init exiting panics and panic=-1 ends qemu
}
say "boot uptime=$(up)"

SHELF=0 SLOT=1 MTU= WAIT=30 DEADSECS= WRITE= READ=1
for arg in $(cat /proc/cmdline); do
  case $arg in
    aoetest.shelf=*) SHELF=${arg#*=} ;;
    aoetest.slot=*) SLOT=${arg#*=} ;;
    aoetest.mtu=*) MTU=${arg#*=} ;;
    aoetest.wait=*) WAIT=${arg#*=} ;;
    aoetest.deadsecs=*) DEADSECS=${arg#*=} ;;
    aoetest.write=*) WRITE=${arg#*=} ;;
    aoetest.read=*) READ=${arg#*=} ;;
  esac
done
DEV=e$SHELF.$SLOT
NODE=/dev/etherd/$DEV
SYS=/sys/block/etherd!$DEV

for m in $(grep -vx aoe /lib/aoetest/load.list); do
  insmod /lib/aoetest/$m.ko || { say "insmod $m failed"; finish FAIL insmod; }
done
n=0
while [ ! -e /sys/class/net/eth0 ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
[ -e /sys/class/net/eth0 ] || finish FAIL noeth0
ip link set lo up
if [ -n "$MTU" ]; then ip link set eth0 mtu "$MTU" || finish FAIL mtu; fi
ip link set eth0 up
say "nic name=eth0 mac=$(cat /sys/class/net/eth0/address) mtu=$(cat /sys/class/net/eth0/mtu)"

if [ -r /lib/aoetest/guest.sh ]; then
  # A test of its own (build-initramfs.sh -g): it loads aoe (or has a program do so) and reports.
  sh /lib/aoetest/guest.sh
  say "guest rc=$?"
  say "end uptime=$(up)"
  sync
  poweroff -f
  sleep 5
  exit 0
fi

if [ -n "$DEADSECS" ]; then
  insmod /lib/aoetest/aoe.ko aoe_iflist=eth0 aoe_deadsecs="$DEADSECS" || finish FAIL insmod
else
  insmod /lib/aoetest/aoe.ko aoe_iflist=eth0 || finish FAIL insmod
fi

# aoe.ko broadcasts one Config Query on load; repeat it through the discover node until
# the block device shows up (the target may come up after us, or drop a frame).
ticks=0
limit=$((WAIT * 5))
while [ ! -b "$NODE" ] && [ $ticks -lt $limit ]; do
  [ $((ticks % 5)) -eq 4 ] && [ -c /dev/etherd/discover ] && echo > /dev/etherd/discover
  sleep 0.2
  ticks=$((ticks + 1))
done
[ -b "$NODE" ] || { dmesg | grep -i aoe | sed 's/^/AOETEST dmesg /'; finish FAIL nodevice; }
say "found dev=$DEV waited_ms=$((ticks * 200)) uptime=$(up)"

drop_cache() { sync; blockdev --flushbufs "$NODE" 2>/dev/null; echo 3 > /proc/sys/vm/drop_caches; }
attr() { if [ -r "$SYS/$1" ]; then tr -d ' \n' < "$SYS/$1"; else echo NA; fi; }
fw=$(attr firmware-version); [ "$fw" = NA ] && fw=$(attr fwver)
bytes=$(blockdev --getsize64 "$NODE" 2>/dev/null || echo NA)
say "dev=$DEV size=$(attr size) bytes=$bytes payload=$(attr payload) state=$(attr state) mac=$(attr mac) netif=$(attr netif) fwver=$fw"

status=PASS reason=
if [ -n "$WRITE" ]; then
  lba=${WRITE%%,*}
  count=1
  case $WRITE in *,*) count=${WRITE#*,} ;; esac
  yes aoesan-vm-write | head -c $((count * 512)) > /tmp/pattern
  want=$(md5sum < /tmp/pattern | cut -d' ' -f1)
  # Through the page cache (a 512-byte write becomes a 4 KiB read-modify-write on the wire),
  # fsync'd; then drop the cache so the read-back really comes from the target.
  dd if=/tmp/pattern of="$NODE" bs=512 count="$count" seek="$lba" conv=notrunc,fsync 2>/tmp/dd.err
  rc=$?
  drop_cache
  got=$(dd if="$NODE" bs=512 count="$count" skip="$lba" 2>/dev/null | md5sum | cut -d' ' -f1)
  verify=ok
  [ "$rc" = 0 ] && [ "$got" = "$want" ] || { verify=bad; status=FAIL; reason=write; }
  say "write lba=$lba sectors=$count rc=$rc verify=$verify md5=$want"
fi

if [ "$READ" != 0 ]; then
  drop_cache
  t0=$(up)
  sum=$(md5sum < "$NODE")
  rc=$?
  t1=$(up)
  sum=${sum%% *}
  say "read bytes=$bytes md5=$sum rc=$rc seconds=$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")"
  [ "$rc" = 0 ] || { status=FAIL; reason=${reason:-read}; }
fi
st=$(attr state)
case $st in up*) ;; *) status=FAIL; reason=${reason:-state-$st} ;; esac
finish "$status" "$reason"
INIT
chmod 755 "$WORK/init"

mkdir -p "$(dirname "$OUT")"
(cd "$WORK" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -6 > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "build-initramfs: $OUT for $KVER, modules: $(tr '\n' ' ' < "$WORK/lib/aoetest/load.list")"
