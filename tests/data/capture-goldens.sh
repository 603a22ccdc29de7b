#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# capture-goldens.sh - regenerate the golden AoE captures in tests/data from real peers.
#
# Everything happens in two network namespaces this script creates (a target side running
# Debian's vblade 25, an initiator side running aoetools 36, a python raw-socket sender and a
# qemu guest with the Linux aoe driver behind a bridge + tap). tcpdump listens on the target's
# veth with "ether proto 0x88a2"; each capture is then cut down with editcap to the frames
# the README describes, written as classic pcap (what PcapFile reads).
#
# Usage: capture-goldens.sh [-o OUTDIR] [-k] [-x]
#   -o OUTDIR  where the .pcap files go (default: the directory of this script)
#   -k         keep the scratch directory (raw captures, logs) and print its path
#   -x         skip the qemu/Linux-initiator capture
# Needs root and: vblade aoetools tcpdump tshark python3 iproute2 util-linux, and for the
# VM part qemu-system-x86 busybox-static linux-image-amd64 cpio kmod (tests/vm/*.sh).
# Exit: 0 all captures written, 77 a prerequisite is missing, 1 a capture did not look right.
# Tags and timestamps differ from run to run; README.md documents the committed files.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VMDIR=$(cd "$HERE/../vm" && pwd)
OUTDIR=$HERE KEEP=0 WITH_VM=1
while getopts 'o:kx' opt; do
  case $opt in o) OUTDIR=$OPTARG ;; k) KEEP=1 ;; x) WITH_VM=0 ;; *) sed -n '2,20p' "$0"; exit 2 ;; esac
done
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

die() { echo "capture-goldens: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "capture-goldens: $1 missing (apt-get install --no-install-recommends $2)" >&2; exit 77; }; }
[ "$(id -u)" = 0 ] || { echo "capture-goldens: needs root" >&2; exit 77; }
need vblade vblade; need aoecfg aoetools; need aoeping aoetools; need tcpdump tcpdump
need tshark tshark; need editcap tshark; need python3 python3; need ip iproute2; need unshare util-linux
if [ $WITH_VM = 1 ]; then need qemu-system-x86_64 qemu-system-x86; fi

# Fixed addresses so the documented frames are stable. Shelf 0x0102 has both bytes non-zero.
SHELF=258 SLOT=3
MAC_T=02:00:00:00:b0:01     # vblade's veth
MAC_I=02:00:00:00:b0:02     # initiator veth (aoetools, python "host A")
MAC_VM=52:54:00:ae:00:01    # qemu guest
CFG1=aoesan-golden-config-string-0001      # 32 bytes: replies carrying it are 64 bytes
CFG2=aoesan-another-config-string-0002
HOSTNAME_T=golden                           # vblade puts "shelf.slot:hostname" in the serial

ID=$$
NS_T=aoesan-gold-$ID-t NS_I=aoesan-gold-$ID-i
WORK=$(mktemp -d /tmp/aoesan-gold-$ID.XXXXXX)
PIDS=()

cleanup() {
  local p
  for p in ${PIDS[@]+"${PIDS[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${PIDS[@]+"${PIDS[@]}"}; do wait "$p" 2>/dev/null || true; done
  ip netns del "$NS_T" 2>/dev/null || true
  ip netns del "$NS_I" 2>/dev/null || true
  if [ $KEEP = 1 ]; then echo "capture-goldens: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Leftovers of an earlier run of this script that was killed: only our own naming scheme,
# and only when the pid in the name is gone.
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^aoesan-gold-[0-9]+-[ti]$' || true); do
  pid=${ns#aoesan-gold-}; pid=${pid%-*}
  kill -0 "$pid" 2>/dev/null || ip netns del "$ns" 2>/dev/null || true
done

log() { echo "== $*" >&2; }
# Reap a child we started and drop it from PIDS, so cleanup never signals a recycled pid.
reap() {  # reap PID  -> returns the child's exit status
  local p rc=0 keep=()
  wait "$1" 2>/dev/null || rc=$?
  for p in ${PIDS[@]+"${PIDS[@]}"}; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=(${keep[@]+"${keep[@]}"})
  return $rc
}

lab_up() {
  ip netns add "$NS_T"
  ip netns add "$NS_I"
  ip link add vt netns "$NS_T" address $MAC_T type veth peer name vi netns "$NS_I" address $MAC_I
  for ns in "$NS_T" "$NS_I"; do
    ip -n "$ns" link set lo up
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
  done
  ip -n "$NS_T" link set vt up
  ip -n "$NS_I" link set vi up
}

# Put vi, a tap for qemu and a bridge together on the initiator side.
lab_bridge() {
  ip -n "$NS_I" link add br0 type bridge stp_state 0 forward_delay 0
  ip -n "$NS_I" tuntap add dev tap0 mode tap
  ip -n "$NS_I" link set vi master br0
  ip -n "$NS_I" link set tap0 master br0
  ip -n "$NS_I" link set tap0 up
  ip -n "$NS_I" link set br0 up
}

wait_for() {  # wait_for FILE PATTERN SECONDS
  local i=0
  while ! grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1)); [ $i -le $(($3 * 20)) ] || return 1; sleep 0.05
  done
}

VBLADE_PID=''
vblade_start() {  # vblade_start IMAGE LOGNAME
  ip netns exec "$NS_T" unshare --uts sh -c "hostname $HOSTNAME_T && exec vblade $SHELF $SLOT vt '$1'" \
    >"$WORK/$2.vblade.log" 2>&1 &
  VBLADE_PID=$!
  PIDS+=("$VBLADE_PID")
  wait_for "$WORK/$2.vblade.log" '^pid ' 5 || die "vblade did not start: $(cat "$WORK/$2.vblade.log")"
  sleep 0.2
}
vblade_stop() {
  kill "$VBLADE_PID" 2>/dev/null || true
  reap "$VBLADE_PID" || true
}

CAP_PID='' CAP_NAME=''
capture_start() {  # capture_start NAME
  CAP_NAME=$1
  ip netns exec "$NS_T" tcpdump -i vt --immediate-mode -w "$WORK/$1.raw.pcap" -U -s 0 -Z root 'ether proto 0x88a2' \
    2>"$WORK/$1.tcpdump.log" &
  CAP_PID=$!
  PIDS+=("$CAP_PID")
  wait_for "$WORK/$1.tcpdump.log" 'listening on' 5 || die "tcpdump did not start: $(cat "$WORK/$1.tcpdump.log")"
  sleep 0.2
}
capture_stop() {
  sleep 1
  kill -INT "$CAP_PID" 2>/dev/null || true
  reap "$CAP_PID" || true
  local log=$WORK/$CAP_NAME.tcpdump.log got seen
  got=$(awk '/packets captured/ {print $1}' "$log")
  seen=$(awk '/packets received by filter/ {print $1}' "$log")
  [ "$got" = "$seen" ] || die "tcpdump lost frames ($got of $seen written), see $log"
}

count() { tshark -r "$1" 2>/dev/null | wc -l; }

# Keep the listed frame numbers (1-based) of a raw capture.
keep_frames() {  # keep_frames RAW OUT N...
  local raw=$1 out=$2; shift 2
  editcap -r -F pcap "$raw" "$out.tmp" "$@" && mv "$out.tmp" "$out"
}

make_image() {  # make_image FILE SECTORS: sparse, with a readable label in some sectors
  python3 - "$1" "$2" <<'PY'
import sys
path, sectors = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as f:
    f.truncate(sectors * 512)
    for lba in list(range(0, 16)) + [sectors - 1]:
        line = b"aoesan golden lba %08x " % lba        # 28 bytes
        f.seek(lba * 512)
        f.write((line * 19)[:512 - 4] + b"END\n")
PY
}

# ---------------------------------------------------------------------------------------
# The raw-socket sender: small AoE requests for what no Debian tool sends (mask, reserve,
# error cases). Every request is padded to 60 bytes; tags carry bit 31 like userland tools.
cat > "$WORK/aoeraw.py" <<'PY'
import os, select, socket, struct, sys, time

ETH_P_AOE = 0x88A2
iface, scenario, shelf, slot, target = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
disk_sectors = int(sys.argv[6]) if len(sys.argv) > 6 else 0

def mac(text): return bytes.fromhex(text.replace(":", ""))
with open("/sys/class/net/%s/address" % iface) as f:
    HOST_A = mac(f.read().strip())
HOST_B = mac("02:00:00:00:b0:0b")     # a second initiator, spoofed as source address
HOST_C = mac("02:00:00:00:b0:0c")     # never sends; only appears in lists
TARGET = mac(target)

sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_AOE))
sock.bind((iface, ETH_P_AOE))
next_tag = 0x80000101

def request(src, cmd, arg, verflags=0x10):
    global next_tag
    tag = next_tag
    next_tag += 1
    frame = TARGET + src + struct.pack(">HBBHBBI", ETH_P_AOE, verflags, 0, shelf, slot, cmd, tag) + arg
    return tag, frame.ljust(60, b"\0")

def exchange(what, src, cmd, arg, verflags=0x10, wait=0.6):
    tag, frame = request(src, cmd, arg, verflags)
    sock.send(frame)
    deadline = time.monotonic() + wait
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([sock], [], [], left)[0]:
            print("%-44s tag %08x  sent %d  reply: none" % (what, tag, len(frame)))
            return None
        data = sock.recv(65536)
        if len(data) >= 24 and data[14] & 0x08 and struct.unpack(">I", data[20:24])[0] == tag:
            print("%-44s tag %08x  sent %d  reply %d bytes, flags %02x err %d"
                  % (what, tag, len(frame), len(data), data[14], data[15]))
            return data

def mask(mcmd, directives=()):
    arg = struct.pack("BBBB", 0, mcmd, 0, len(directives))
    for dcmd, m in directives:
        arg += struct.pack("BB", 0, dcmd) + m
    return arg

def reserve(rcmd, macs=()):
    return struct.pack("BB", rcmd, len(macs)) + b"".join(macs)

def ata(aflags, feature, count, opcode, lba, data=b""):
    return struct.pack("BBBB", aflags, feature, count, opcode) + lba.to_bytes(6, "little") + b"\0\0" + data

if scenario == "mask-reserve":
    exchange("mask read (empty)", HOST_A, 2, mask(0))
    exchange("mask edit add A, add B", HOST_A, 2, mask(1, [(1, HOST_A), (1, HOST_B)]))
    exchange("mask read", HOST_A, 2, mask(0))
    exchange("mask edit add A (dup), bad dcmd 3", HOST_A, 2, mask(1, [(1, HOST_A), (3, HOST_C)]))
    exchange("mask edit delete C (absent: safe)", HOST_A, 2, mask(1, [(2, HOST_C)]))
    exchange("reserve read (empty)", HOST_A, 3, reserve(0))
    exchange("reserve set A,C from A", HOST_A, 3, reserve(1, [HOST_A, HOST_C]))
    exchange("reserve read from B", HOST_B, 3, reserve(0))
    exchange("reserve set B from B (not holder)", HOST_B, 3, reserve(1, [HOST_B]))
    exchange("READ EXT lba 0 from B (not holder)", HOST_B, 0, ata(0x40, 0, 1, 0x24, 0))
    exchange("IDENTIFY from B (not holder)", HOST_B, 0, ata(0x00, 0, 1, 0xEC, 0xA0 << 24))
    exchange("READ EXT lba 1 from A (holder)", HOST_A, 0, ata(0x40, 0, 1, 0x24, 1))
    exchange("reserve force set B from B", HOST_B, 3, reserve(2, [HOST_B]))
    exchange("reserve set empty from B (release)", HOST_B, 3, reserve(1))
    exchange("reserve bad rcmd 5", HOST_A, 3, reserve(5))
    exchange("reserve read (empty again)", HOST_A, 3, reserve(0))
elif scenario == "mask-crash":
    exchange("mask edit add A", HOST_A, 2, mask(1, [(1, HOST_A)]))
    exchange("mask edit delete A (crashes vblade 25)", HOST_A, 2, mask(1, [(2, HOST_A)]), wait=1.5)
elif scenario == "errors":
    exchange("READ EXT past the end (IDNF)", HOST_A, 0, ata(0x40, 0, 1, 0x24, disk_sectors))
    exchange("command 0xF0 (vendor)", HOST_A, 0xF0, b"")
    exchange("FLUSH CACHE EXT 0xEA (ABRT), count 0", HOST_A, 0, ata(0x40, 0, 0, 0xEA, 0))
    exchange("SMART 0xB0 (ABRT), count 1", HOST_A, 0, ata(0x00, 0xD0, 1, 0xB0, 0xC24F00))
    exchange("IDENTIFY with count 2 (bad arg)", HOST_A, 0, ata(0x00, 0, 2, 0xEC, 0))
    exchange("READ EXT count 3 > max 2 (bad arg)", HOST_A, 0, ata(0x40, 0, 3, 0x24, 0))
    exchange("WRITE EXT 1 sector, 24 data bytes (bad arg)", HOST_A, 0, ata(0x41, 0, 1, 0x34, 2))
    exchange("config ccmd 7 (bad arg)", HOST_A, 1, struct.pack(">HHBBH", 0, 0, 0, 7, 0))
    exchange("FLUSH CACHE 0xE7", HOST_A, 0, ata(0x00, 0, 0, 0xE7, 0))
    exchange("READ SECTORS 0x20 lba 5, lba3 0xE0", HOST_A, 0, ata(0x00, 0, 1, 0x20, 0xE0000005))
    exchange("CHECK POWER MODE 0xE5, version 2", HOST_A, 0, ata(0x00, 0, 0, 0xE5, 0), verflags=0x20)
else:
    sys.exit("unknown scenario " + scenario)
PY

lab_up
IMG=$WORK/disk.img
IMG_SECTORS=$((0x12345))     # 74565 sectors: LBA28 and LBA48 counts span two IDENTIFY words
make_image "$IMG" $IMG_SECTORS
run_i() { ip netns exec "$NS_I" "$@"; }
raw() { run_i python3 "$WORK/aoeraw.py" vi "$1" $SHELF $SLOT $MAC_T $IMG_SECTORS 2>&1 | tee -a "$WORK/$1.py.log" >&2; }

# --- 1. vblade + aoetools ----------------------------------------------------------------
log "vblade25-aoetools"
capture_start aoetools
vblade_start "$IMG" aoetools          # its Ver-0 announcement is the first frame
{
  # Before any string is set vblade answers with 32 bytes, which aoecfg ignores (n < 60).
  echo "\$ aoecfg -c read -t 1 $SHELF $SLOT vi"; run_i aoecfg -c read -t 1 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c fset -s $CFG1 ..."; run_i aoecfg -c fset -s "$CFG1" -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c read ..."; run_i aoecfg -c read -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c test -s $CFG1 ..."; run_i aoecfg -c test -s "$CFG1" -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c prefix -s aoesan-golden ..."; run_i aoecfg -c prefix -s aoesan-golden -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c set -s $CFG2 ..."; run_i aoecfg -c set -s "$CFG2" -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c set -s $CFG1 ..."; run_i aoecfg -c set -s "$CFG1" -t 2 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoecfg -c test -s $CFG2 -t 1 ..."; run_i aoecfg -c test -s "$CFG2" -t 1 $SHELF $SLOT vi || echo "(exit $?)"
  echo "\$ aoeping -i -s 3 $SHELF $SLOT vi"; run_i aoeping -i -s 3 $SHELF $SLOT vi || echo "(exit $?)"
} >"$WORK/aoetools.tools.log" 2>&1
capture_stop
vblade_stop
cat "$WORK/aoetools.tools.log" >&2
n=$(count "$WORK/aoetools.raw.pcap")
[ "$n" -ge 20 ] || die "aoetools capture has only $n frames"
keep_frames "$WORK/aoetools.raw.pcap" "$OUTDIR/vblade25-aoetools.pcap" "1-$n"

# --- 2. MAC mask list and reserve/release from a raw socket --------------------------------
log "vblade25-mask-reserve"
vblade_start "$IMG" mask-reserve
capture_start mask-reserve
raw mask-reserve
capture_stop
vblade_stop
n=$(count "$WORK/mask-reserve.raw.pcap")
[ "$n" -ge 30 ] || die "mask-reserve capture has only $n frames"
keep_frames "$WORK/mask-reserve.raw.pcap" "$OUTDIR/vblade25-mask-reserve.pcap" "1-$n"

# --- 3. the mask delete that crashes vblade 25 (last frame gets no reply) ------------------
log "vblade25-mask-delete-crash"
vblade_start "$IMG" mask-crash
capture_start mask-crash
raw mask-crash
sleep 0.5
capture_stop
rc=0; reap "$VBLADE_PID" || rc=$?
echo "vblade exit status after the matching mask delete: $rc ($(tail -1 "$WORK/mask-crash.vblade.log"))" >&2
n=$(count "$WORK/mask-crash.raw.pcap")
[ "$n" = 3 ] || die "mask-crash capture has $n frames, expected 3"
keep_frames "$WORK/mask-crash.raw.pcap" "$OUTDIR/vblade25-mask-delete-crash.pcap" "1-$n"

# --- 4. error replies ----------------------------------------------------------------------
log "vblade25-errors"
vblade_start "$IMG" errors
capture_start errors
raw errors
capture_stop
vblade_stop
n=$(count "$WORK/errors.raw.pcap")
[ "$n" -ge 20 ] || die "errors capture has only $n frames"
keep_frames "$WORK/errors.raw.pcap" "$OUTDIR/vblade25-errors.pcap" "1-$n"

# --- 5. the Linux kernel initiator in qemu -------------------------------------------------
if [ $WITH_VM = 1 ]; then
  log "linux-aoe-initiator"
  lab_bridge
  VMIMG=$WORK/vm.img
  make_image "$VMIMG" 2048
  # The guest serves e0.1 by default; use it so the VM harness runs with no extra knobs.
  SHELF=0 SLOT=1
  vblade_start "$VMIMG" vm
  capture_start vm
  vmrc=0
  "$VMDIR/run-initiator-vm.sh" -n "$NS_I" -t tap0 -m 1500 -w 8 -T 240 -M $MAC_VM \
    -l "$WORK/vm-qemu.log" >"$WORK/vm.out" 2>&1 || vmrc=$?
  capture_stop
  vblade_stop
  cat "$WORK/vm.out" >&2
  [ $vmrc = 0 ] || die "VM run failed ($vmrc), see $WORK/vm-qemu.log"
  RAWVM=$WORK/vm.raw.pcap
  first() { tshark -r "$RAWVM" -2 -Y "$1" -T fields -e frame.number 2>/dev/null | head -1; }
  cfgq=$(first "aoe.cmd == 1 && aoe.response == 0 && eth.src == $MAC_VM")
  cfgr=$(first "aoe.cmd == 1 && aoe.response == 1 && eth.dst == $MAC_VM && frame.number > ${cfgq:-0}")
  idq=$(first "aoe.ata.cmd == 0xec && aoe.response == 0 && eth.src == $MAC_VM")
  rdq=$(first "aoe.ata.cmd == 0x24 && aoe.response == 0 && eth.src == $MAC_VM")
  wrq=$(first "aoe.ata.cmd == 0x34 && aoe.response == 0 && eth.src == $MAC_VM")
  reply_to() { first "aoe.response == 1 && aoe.response_to == $1"; }
  idr=$(reply_to "${idq:-0}") rdr=$(reply_to "${rdq:-0}") wrr=$(reply_to "${wrq:-0}")
  for v in cfgq cfgr idq idr rdq rdr wrq wrr; do [ -n "${!v}" ] || die "VM capture: no frame for $v"; done
  echo "VM capture: $(count "$RAWVM") frames; keeping $cfgq $cfgr $idq $idr $rdq $rdr $wrq $wrr" >&2
  keep_frames "$RAWVM" "$OUTDIR/linux-aoe-initiator.pcap" $cfgq $cfgr $idq $idr $rdq $rdr $wrq $wrr
fi

log "written to $OUTDIR"
for f in "$OUTDIR"/*.pcap; do printf '%6d bytes %3d frames  %s\n' "$(stat -c %s "$f")" "$(count "$f")" "$(basename "$f")" >&2; done
