#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-initiator-vm.sh - boot Debian's kernel under qemu (TCG, no KVM) as a real Linux AoE
# initiator, attached to a tap device that the caller created inside a network namespace
# the caller owns. Whatever serves AoE behind that tap (vblade, aoesan's engine) is the target.
#
# The guest runs the /init made by build-initramfs.sh: it discovers eSHELF.SLOT, prints
# "AOETEST ..." lines, optionally writes a pattern, reads the whole device and powers off.
# This script copies the AOETEST lines to stdout and keeps the full serial/qemu log.
#
# Usage: run-initiator-vm.sh -n NETNS -t TAP [options] [-- extra kernel args]
#   -n NETNS     network namespace holding TAP (required)
#   -t TAP       tap device in NETNS, normally a port of a bridge that reaches the target (required)
#   -m MTU       guest MTU (default: TAP's MTU)
#   -s SHELF     shelf to wait for (default 0)      -S SLOT  slot to wait for (default 1)
#   -w LBA[,N]   write N sectors of the pattern at LBA and verify (see build-initramfs.sh)
#   -R           do not read the whole device
#   -T SECONDS   hard timeout for the whole VM run (default 240)
#   -l LOG       qemu + serial log file (default ./initiator-vm.log); kept after the run
#   -i INITRD    initramfs to use (default: built next to LOG by build-initramfs.sh)
#   -k KVER      kernel version (default: newest with aoe.ko; kernel is /boot/vmlinuz-KVER)
#   -M MAC       guest MAC (default 52:54:00:ae:00:01)
#   -c CPUS      guest vCPUs (default 1)
#   -r MIB       guest RAM (default 256; the initramfs is unpacked into it)
#   -x HOOK      run `HOOK LOG` in the background while the guest runs (it may watch the serial log
#                for the guest's marker lines and act on the host side); killed when qemu ends
# Exit status: 0 guest reported result=PASS; 1 guest reported FAIL or no result;
#   2 usage; 77 missing prerequisite (package, namespace, tap; usable as a ctest skip code);
#   124 timeout (qemu killed); 3 qemu failed to start.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
NETNS='' TAP='' MTU='' SHELF=0 SLOT=1 WRITE='' READ=1 TIMEOUT=240
LOG=$PWD/initiator-vm.log INITRD='' KVER='' MAC=52:54:00:ae:00:01 CPUS=1 HOOK='' RAM=256

usage() { sed -n '2,/^set -u/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
skip() { echo "run-initiator-vm: $*" >&2; exit 77; }

while getopts 'n:t:m:s:S:w:RT:l:i:k:M:c:x:r:h' opt; do
  case $opt in
    n) NETNS=$OPTARG ;; t) TAP=$OPTARG ;; m) MTU=$OPTARG ;;
    s) SHELF=$OPTARG ;; S) SLOT=$OPTARG ;; w) WRITE=$OPTARG ;; R) READ=0 ;;
    T) TIMEOUT=$OPTARG ;; l) LOG=$OPTARG ;; i) INITRD=$OPTARG ;; k) KVER=$OPTARG ;;
    M) MAC=$OPTARG ;; c) CPUS=$OPTARG ;; x) HOOK=$OPTARG ;; r) RAM=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ -n "$NETNS" ] && [ -n "$TAP" ] || usage
[ "${1:-}" = -- ] && shift
for v in "$SHELF" "$SLOT" "$TIMEOUT" "$CPUS" "$RAM" ${MTU:+"$MTU"}; do
  [[ $v =~ ^[0-9]+$ ]] || { echo "run-initiator-vm: not a number: $v" >&2; exit 2; }
done

[ "$(id -u)" = 0 ] || skip "needs root (ip netns exec, tap access)"
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not found (apt-get install qemu-system-x86)"
command -v ip >/dev/null || skip "ip not found (apt-get install iproute2)"
command -v timeout >/dev/null || skip "timeout not found (coreutils)"
ip netns pids "$NETNS" >/dev/null 2>&1 || skip "network namespace $NETNS does not exist"
ip -n "$NETNS" link show dev "$TAP" >/dev/null 2>&1 || skip "no interface $TAP in namespace $NETNS"
[ -c /dev/net/tun ] || skip "/dev/net/tun missing"

if [ -z "$KVER" ]; then
  for d in $(ls -1 /lib/modules 2>/dev/null | sort -V); do
    if [ -r "/boot/vmlinuz-$d" ] && modinfo -k "$d" -F filename aoe >/dev/null 2>&1; then KVER=$d; fi
  done
  [ -n "$KVER" ] || skip "no /boot/vmlinuz-* with a matching aoe.ko (apt-get install linux-image-amd64 kmod)"
fi
KERNEL=/boot/vmlinuz-$KVER
[ -r "$KERNEL" ] || skip "$KERNEL not readable (apt-get install linux-image-amd64)"

mkdir -p "$(dirname "$LOG")"
if [ -z "$INITRD" ]; then
  INITRD=${LOG%.log}-initramfs.cpio.gz
  sh "$HERE/build-initramfs.sh" "$INITRD" "$KVER" >/dev/null
  rc=$?
  [ $rc = 0 ] || { [ $rc = 77 ] && exit 77; echo "run-initiator-vm: initramfs build failed ($rc)" >&2; exit 1; }
fi
[ -r "$INITRD" ] || skip "initramfs $INITRD not readable"

[ -n "$MTU" ] || MTU=$(ip netns exec "$NETNS" cat "/sys/class/net/$TAP/mtu")
ARGS="console=ttyS0 panic=-1 quiet loglevel=4 aoetest.mtu=$MTU aoetest.shelf=$SHELF aoetest.slot=$SLOT aoetest.read=$READ"
[ -n "$WRITE" ] && ARGS="$ARGS aoetest.write=$WRITE"
[ $# -gt 0 ] && ARGS="$ARGS $*"

start=$(date +%s.%N)
: >"$LOG"
hook_pid=''
if [ -n "$HOOK" ]; then
  "$HOOK" "$LOG" &
  hook_pid=$!
fi
# TCG only: /dev/kvm may exist on these hosts without booting a stock kernel reliably.
# -k: keep the guest from running forever; SIGKILL 10 s after SIGTERM if qemu ignores it.
timeout -k 10 "$TIMEOUT" ip netns exec "$NETNS" \
  qemu-system-x86_64 -accel tcg -nodefaults -no-user-config -machine q35 \
    -m "$RAM" -smp "$CPUS" -display none -monitor none -serial stdio -no-reboot \
    -kernel "$KERNEL" -initrd "$INITRD" -append "$ARGS" \
    -netdev "tap,id=aoenet,ifname=$TAP,script=no,downscript=no" \
    -device "virtio-net-pci,netdev=aoenet,mac=$MAC,host_mtu=$MTU" \
    </dev/null >"$LOG" 2>&1
qrc=$?
if [ -n "$hook_pid" ]; then kill "$hook_pid" 2>/dev/null; wait "$hook_pid" 2>/dev/null; fi
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b - a}')

grep -a '^AOETEST ' "$LOG" | tr -d '\r'
echo "AOETEST host qemu_rc=$qrc wall_seconds=$secs log=$LOG"
if [ $qrc = 124 ] || [ $qrc = 137 ]; then
  echo "run-initiator-vm: timeout after ${TIMEOUT}s, see $LOG" >&2
  exit 124
fi
if ! grep -aq '^AOETEST boot' "$LOG"; then
  echo "run-initiator-vm: the guest never reached /init (qemu rc $qrc), see $LOG" >&2
  [ $qrc = 0 ] && exit 1
  exit 3
fi
result=$(grep -a '^AOETEST result=' "$LOG" | tail -1 | tr -d '\r')
case $result in
  'AOETEST result=PASS'*) exit 0 ;;
  '') echo "run-initiator-vm: no result line, see $LOG" >&2; exit 1 ;;
  *) echo "run-initiator-vm: guest says ${result#AOETEST }, see $LOG" >&2; exit 1 ;;
esac
