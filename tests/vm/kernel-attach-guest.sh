# SPDX-License-Identifier: GPL-3.0-or-later
# kernel-attach-guest.sh - the guest half of tst_kernel_attach_vm (busybox sh, run by the initramfs's
# /init; see kernel-attach-vm.sh for the host half). It uses the build's aoesan-ctl against the real
# aoe driver: attach, md5 against the image, stat --kernel, down while the export is stopped, back up,
# detach, and a wrong address. One "AOETEST check NAME PASS|FAIL detail" line per check, then
# "AOETEST result=PASS|FAIL". "AOETEST stop-export" / "AOETEST start-export" ask the host (which
# watches this serial log) to kill / restart the engine; it answers nothing, the guest just waits.
# Kernel command line: aoetest.md5=MD5 (the image's), aoetest.sectors=N.
up() { cut -d' ' -f1 /proc/uptime; }
ms() { awk '{printf "%d", $1 * 1000}' /proc/uptime; }
say() { echo "AOETEST $*"; }
FAILED=0
check() { # NAME PASS|FAIL detail...
  name=$1 verdict=$2
  shift 2
  say "check $name $verdict $*"
  [ "$verdict" = PASS ] || FAILED=1
}
ok() { if [ "$1" = 0 ]; then echo PASS; else echo FAIL; fi; }

MD5='' SECTORS=''
for arg in $(cat /proc/cmdline); do
  case $arg in
    aoetest.md5=*) MD5=${arg#*=} ;;
    aoetest.sectors=*) SECTORS=${arg#*=} ;;
  esac
done
NODE=/dev/etherd/e0.1
SYS=/sys/block/etherd!e0.1
dump() { # what the driver shows, for the log
  for f in "$SYS"/state "$SYS"/size "$SYS"/mac "$SYS"/netif "$SYS"/payload; do
    [ -r "$f" ] && say "sysfs $(basename "$f")=$(tr -d '\n' < "$f")"
  done
  dmesg | grep -i aoe | tail -5 | sed 's/^/AOETEST dmesg /'
}
drop_cache() { sync; blockdev --flushbufs "$NODE" 2>/dev/null; echo 3 > /proc/sys/vm/drop_caches; }

# 1. attach: the path as the last stdout line, timed until usable
t0=$(ms)
aoesan-ctl attach 0.1 -i eth0 > /tmp/attach.out 2> /tmp/attach.err
rc=$?
t1=$(ms)
sed 's/^/AOETEST attach-stderr /' /tmp/attach.err
last=$(tail -n 1 /tmp/attach.out)
[ "$rc" = 0 ] && [ "$last" = "$NODE" ] && [ -b "$NODE" ]
check attach "$(ok $?)" "rc=$rc last=$last ms=$((t1 - t0))"
say "figure attach_ms=$((t1 - t0))"
[ -b "$NODE" ] || { dump; say "result=FAIL reason=attach"; exit 1; }

# 2. the whole device: md5 equals the image's, and the read rate (TCG-bound)
drop_cache
t0=$(ms)
sum=$(dd if="$NODE" bs=1M 2>/dev/null | md5sum | cut -d' ' -f1)
t1=$(ms)
bytes=$(blockdev --getsize64 "$NODE")
[ "$sum" = "$MD5" ]
check md5 "$(ok $?)" "got=$sum want=$MD5"
[ "$bytes" = $((SECTORS * 512)) ]
check size "$(ok $?)" "bytes=$bytes sectors=$SECTORS"
say "figure read_bytes=$bytes read_ms=$((t1 - t0)) read_mib_s=$(awk "BEGIN{printf \"%.1f\", $bytes / 1048576 / ($((t1 - t0 + 1)) / 1000)}")"

# 3. stat --kernel is aoe-stat's line, built here from sysfs with aoe-stat's own printf format
aoesan-ctl stat --kernel > /tmp/stat.out 2>&1
rc=$?
line=$(grep 'e0\.1 ' /tmp/stat.out)
size=$(awk -v s="$(cat "$SYS/size")" 'BEGIN{q = int(s * 64 / 125000); printf "%d.%03dGB", int(q / 1000), q % 1000}')
want=$(printf '%10s %15s %10s %-5s %-14s' e0.1 "$size" eth0 "$(cat "$SYS/payload")" up)
[ "$rc" = 0 ] && [ "$line" = "$want" ]
check stat-format "$(ok $?)" "rc=$rc line='$line' want='$want'"
aoesan-ctl stat --kernel --json > /tmp/stat.json 2>&1
rc=$?
tr -d ' \n' < /tmp/stat.json > /tmp/stat1.json
[ "$rc" = 0 ] && grep -q '"address":"e0.1"' /tmp/stat1.json && grep -q '"state":"up"' /tmp/stat1.json &&
  grep -q '"device":"/dev/etherd/e0.1"' /tmp/stat1.json && grep -q "\"sectors\":$SECTORS" /tmp/stat1.json
check stat-json "$(ok $?)" "rc=$rc $(head -c 300 /tmp/stat1.json)"

# 4. export stopped: with I/O outstanding the driver gives up after aoe_deadsecs
if echo 8 > /sys/module/aoe/parameters/aoe_deadsecs; then :; else check deadsecs FAIL "cannot write aoe_deadsecs"; fi
drop_cache
say "stop-export"
# wait until the host says the engine is gone (it prints nothing to us: give it a moment)
sleep 2
dd if="$NODE" of=/dev/null bs=64k iflag=direct 2>/tmp/dd.err &
ddpid=$!
t0=$(ms)
state=''
while [ $(($(ms) - t0)) -lt 40000 ]; do
  state=$(aoesan-ctl stat --kernel 2>/dev/null | awk '$1 == "e0.1" {print $NF}')
  case $state in down*) break ;; esac
  sleep 0.5
done
t1=$(ms)
case $state in down*) r=0 ;; *) r=1 ;; esac
check down "$(ok $r)" "state=$state after_ms=$((t1 - t0)) deadsecs=$(cat /sys/module/aoe/parameters/aoe_deadsecs)"
say "figure down_ms=$((t1 - t0))"
[ "$r" = 0 ] || dump
aoesan-ctl stat --kernel 2>&1 | sed 's/^/AOETEST stat-down /'

# 5. export back: the dd ends (EIO on a down device), attach brings the device up again
say "start-export"
sleep 3
n=0
while kill -0 "$ddpid" 2>/dev/null && [ $n -lt 60 ]; do sleep 0.5; n=$((n + 1)); done
kill -0 "$ddpid" 2>/dev/null && { say "dd still running, killing it"; kill -9 "$ddpid"; }
wait "$ddpid"
say "dd rc=$? $(tr '\n' ' ' < /tmp/dd.err)"
t0=$(ms)
aoesan-ctl attach 0.1 -i eth0 > /tmp/attach2.out 2> /tmp/attach2.err
rc=$?
t1=$(ms)
sed 's/^/AOETEST attach2-stderr /' /tmp/attach2.err
last=$(tail -n 1 /tmp/attach2.out)
st=$(tr -d '\n' < "$SYS/state" 2>/dev/null)
[ "$rc" = 0 ] && [ "$last" = "$NODE" ] && [ "${st%%,*}" = up ]
check reattach "$(ok $?)" "rc=$rc last=$last state=$st ms=$((t1 - t0))"
[ "$rc" = 0 ] || dump
drop_cache
got=$(dd if="$NODE" bs=512 skip=100 count=8 2>/dev/null | md5sum | cut -d' ' -f1)
say "block100 md5=$got"
# the host passes the md5 of sectors 100..107 as aoetest.blockmd5
want=$(for a in $(cat /proc/cmdline); do case $a in aoetest.blockmd5=*) echo "${a#*=}" ;; esac; done)
[ -n "$got" ] && [ "$got" = "$want" ]
check io-resumes "$(ok $?)" "got=$got want=$want"

# 6. detach refused while a process holds the device open, naming it; then released
# shellcheck disable=SC2217  # the redirection is the point: sleep holds the device open
sleep 60 < "$NODE" &
holder=$!
sleep 0.3
aoesan-ctl detach 0.1 > /tmp/detach1.out 2>&1
rc=$?
sed 's/^/AOETEST detach-busy-output /' /tmp/detach1.out
[ "$rc" = 1 ] && grep -q "in use" /tmp/detach1.out && grep -q "$holder sleep" /tmp/detach1.out && [ -e "$SYS" ]
check detach-refused "$(ok $?)" "rc=$rc holder=$holder"
kill "$holder"
wait "$holder" 2>/dev/null

# 7. detach: exit 0, the device gone from sysfs and from stat --kernel
aoesan-ctl detach 0.1 > /tmp/detach.out 2>&1
rc=$?
sed 's/^/AOETEST detach-output /' /tmp/detach.out
n=0
while [ -e "$SYS" ] && [ $n -lt 20 ]; do sleep 0.1; n=$((n + 1)); done
aoesan-ctl stat --kernel > /tmp/stat2.out 2>&1
[ "$rc" = 0 ] && [ ! -e "$SYS" ] && ! grep -q 'e0\.1 ' /tmp/stat2.out
check detach "$(ok $?)" "rc=$rc sysfs=$([ -e "$SYS" ] && echo present || echo gone) stat='$(grep 'e0\.1 ' /tmp/stat2.out)'"

# 8. a target nobody exports: exit 1 within its bound, naming it
t0=$(ms)
aoesan-ctl attach 0.9 -i eth0 --timeout 5 > /tmp/attach9.out 2> /tmp/attach9.err
rc=$?
t1=$(ms)
sed 's/^/AOETEST attach9-stderr /' /tmp/attach9.err
[ "$rc" = 1 ] && [ $((t1 - t0)) -lt 7000 ] && grep -q 'e0\.9' /tmp/attach9.err
check wrong-address "$(ok $?)" "rc=$rc ms=$((t1 - t0))"

if [ "$FAILED" = 0 ]; then say "result=PASS"; else say "result=FAIL reason=check"; fi
