#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# kernel-attach-vm.sh - tst_kernel_attach_vm (issue [9], label vm): aoesan-ctl attach/stat --kernel/
# detach against the real Linux aoe driver. Debian's kernel boots under qemu with the build's
# aoesan-ctl (and its libraries) in the initramfs; aoesan-engine serves e0.1 in a target namespace of
# a lab this script makes (veth to an initiator namespace, bridged with the guest's tap). The guest
# (kernel-attach-guest.sh) asks, through marker lines on its serial console, for the export to be
# stopped and restarted; the watcher below acts on them.
#
# Usage: kernel-attach-vm.sh AOESAN-CTL AOESAN-ENGINE [WORKDIR]
# Exit: 0 every check passed; 1 a check failed or no result; 77 not root or no namespaces;
#       anything the VM scripts report otherwise (missing qemu/kernel/busybox fails the test).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { echo "usage: $0 AOESAN-CTL AOESAN-ENGINE [WORKDIR]" >&2; exit 2; }
CTL=$1 ENGINE=$2
skip() { echo "kernel-attach-vm: SKIP: $*" >&2; exit 77; }
fail() { echo "kernel-attach-vm: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || skip "needs root (namespaces, tap, qemu on the tap)"
ip netns add "kav-probe-$$" 2>/dev/null || skip "cannot create a network namespace"
ip netns del "kav-probe-$$"
[ -x "$CTL" ] && [ -x "$ENGINE" ] || fail "not executable: $CTL / $ENGINE"

WORK=${3:-$(mktemp -d "${TMPDIR:-/tmp}/kernel-attach-vm.XXXXXX")}
mkdir -p "$WORK"
rm -f "$WORK/engine2.pid"; : >"$WORK/engine.log"
NT=kav-t-$$ NI=kav-i-$$
ENGINE_PID=''
cleanup() {
  if [ -n "$ENGINE_PID" ] && kill "$ENGINE_PID" 2>/dev/null; then
    # the restarted engine is the watcher's child, not ours: wait by polling
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$ENGINE_PID" 2>/dev/null
  fi
  ip netns del "$NT" 2>/dev/null
  ip netns del "$NI" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# Leftovers of killed runs of this script (their pid is gone).
for ns in $(ip netns list | awk '{print $1}' | grep -E '^kav-[ti]-[0-9]+$'); do
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
ip -n "$NI" link add br-i type bridge && ip -n "$NI" link set veth-i master br-i &&
  ip -n "$NI" tuntap add dev tap-i mode tap && ip -n "$NI" link set tap-i master br-i || fail "bridge/tap"
ip -n "$NT" link set veth-t up
for l in veth-i br-i tap-i; do ip -n "$NI" link set "$l" up; done

# 16 MiB with sector labels (a read from the wrong place changes the md5)
IMAGE=$WORK/disk.img
SECTORS=32768
awk -v n=$SECTORS 'BEGIN{for (i = 0; i < n; i++) printf "%-511s\n", "aoesan sector " i}' > "$IMAGE"
MD5=$(md5sum < "$IMAGE" | cut -d' ' -f1)
BLOCKMD5=$(dd if="$IMAGE" bs=512 skip=100 count=8 2>/dev/null | md5sum | cut -d' ' -f1)

start_engine() {
  ip netns exec "$NT" "$ENGINE" serve --no-state 0 1 veth-t "$IMAGE" >>"$WORK/engine.log" 2>&1 &
  ENGINE_PID=$!
}
start_engine
sleep 1
kill -0 "$ENGINE_PID" 2>/dev/null || fail "engine did not start: $(cat "$WORK/engine.log")"

INITRD=$WORK/initramfs.cpio.gz
sh "$HERE/build-initramfs.sh" -p "$CTL" -g "$HERE/kernel-attach-guest.sh" "$INITRD" >"$WORK/initramfs.log" 2>&1
rc=$?
[ $rc = 0 ] || fail "initramfs (rc $rc): $(cat "$WORK/initramfs.log")"

# The watcher: acts on the guest's markers, once each; it runs in the background of run-initiator-vm.sh.
HOOK=$WORK/hook.sh
cat >"$HOOK" <<EOF
#!/bin/bash
log=\$1 stopped=0 started=0
trap 'exit 0' TERM
while :; do
  if [ \$stopped = 0 ] && grep -aq '^AOETEST stop-export' "\$log"; then
    kill $ENGINE_PID; stopped=1; echo "host: engine $ENGINE_PID stopped at \$(date +%T.%N)" >>"$WORK/engine.log"
  fi
  if [ \$stopped = 1 ] && [ \$started = 0 ] && grep -aq '^AOETEST start-export' "\$log"; then
    ip netns exec "$NT" "$ENGINE" serve --no-state 0 1 veth-t "$IMAGE" >>"$WORK/engine.log" 2>&1 &
    echo \$! >"$WORK/engine2.pid"; started=1
  fi
  sleep 0.2
done
EOF
chmod 755 "$HOOK"

bash "$HERE/run-initiator-vm.sh" -n "$NI" -t tap-i -m 1500 -r 512 -T 200 -l "$WORK/vm.log" -i "$INITRD" -x "$HOOK" \
  -- "aoetest.md5=$MD5" "aoetest.sectors=$SECTORS" "aoetest.blockmd5=$BLOCKMD5" | tee "$WORK/aoetest.txt"
vrc=${PIPESTATUS[0]}
# The first engine is gone when the guest got as far as stop-export; cleanup ends whichever still runs.
if [ -s "$WORK/engine2.pid" ]; then
  wait "$ENGINE_PID" 2>/dev/null
  ENGINE_PID=$(cat "$WORK/engine2.pid")
fi
echo "kernel-attach-vm: log in $WORK (vm.log, engine.log)"
grep -q '^AOETEST check .* FAIL' "$WORK/aoetest.txt" && fail "$(grep '^AOETEST check .* FAIL' "$WORK/aoetest.txt")"
grep -q '^AOETEST result=PASS' "$WORK/aoetest.txt" || fail "no PASS result (run-initiator-vm rc $vrc)"
n=$(grep -c '^AOETEST check .* PASS' "$WORK/aoetest.txt")
[ "$n" -ge 11 ] || fail "only $n checks passed"
echo "kernel-attach-vm: PASS ($n checks)"
