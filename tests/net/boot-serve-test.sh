#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tst_boot_serve (label net, root): `aoesan-ctl boot serve` in a namespace of its own, DHCP clients (busybox
# udhcpc, made to look like iPXE, a BIOS PXE ROM and a UEFI one) in a second namespace across a veth pair; the
# only interfaces are these two. Checks what each client is given (root path, iPXE by TFTP, the file's bytes),
# that a machine not named with --mac gets nothing, the lines boot serve prints, and its clean stop.
# Usage: boot-serve-test.sh AOESAN_CTL
set -u
ctl=$1
[ "$(id -u)" -eq 0 ] || { echo "SKIP: tst_boot_serve needs root (network namespaces)"; exit 77; }
for t in ip dnsmasq busybox; do
    command -v "$t" >/dev/null || { echo "FAIL: $t is missing (apt-get install iproute2 dnsmasq-base busybox-static)"; exit 1; }
done
[ -f /usr/lib/ipxe/undionly.kpxe ] || { echo "FAIL: /usr/lib/ipxe is missing (apt-get install ipxe)"; exit 1; }
ip netns add "probe-$$" 2>/dev/null && ip netns del "probe-$$" || { echo "SKIP: no network namespaces here"; exit 77; }

NS_S=aoeboot-s-$$ NS_C=aoeboot-c-$$
WORK=$(mktemp -d /tmp/aoeboot-XXXXXX)
SERVER_PID=''
FAILS=0
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
    ip netns del "$NS_S" 2>/dev/null
    ip netns del "$NS_C" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
check() { # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = ok ]; then echo "PASS: $1"; else echo "FAIL: $1 ${3:-}"; FAILS=$((FAILS + 1)); fi
}

ip netns add "$NS_S" && ip netns add "$NS_C" &&
    ip -n "$NS_S" link add boot0 type veth peer name cli0 netns "$NS_C" &&
    ip -n "$NS_S" addr add 10.77.0.1/24 dev boot0 && ip -n "$NS_S" link set boot0 up && ip -n "$NS_S" link set lo up &&
    ip -n "$NS_C" link set cli0 up || { echo "FAIL: cannot build the lab"; exit 1; }

IPXE=52:54:00:aa:00:01 BIOS=52:54:00:aa:00:03 UEFI=52:54:00:aa:00:04 STRANGER=52:54:00:aa:00:02
ip netns exec "$NS_S" "$ctl" boot serve -i boot0 --root aoe:e7.3 --range 10.77.0.50,10.77.0.60 \
    --mac "$IPXE" --mac "$BIOS" --mac "$UEFI" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 50); do grep -q 'boot serve: aoe:e7.3' "$WORK/serve.err" && break; sleep 0.1; done
grep -q 'DHCP 10.77.0.50-10.77.0.60 on boot0' "$WORK/serve.err"; check "boot serve says what it serves" \
    "$([ $? = 0 ] && echo ok)" "($(cat "$WORK/serve.err"))"
conf_dir=$(find /tmp -maxdepth 1 -name 'aoesan-boot-*' -newer "$WORK" -type d | head -n 1)

cat >"$WORK/script" <<'EOS'
#!/bin/sh
[ "$1" = bound ] && env | grep -E '^(ip|boot_file|rootpath|siaddr)=' | sort >"$ENVFILE"
exit 0
EOS
chmod +x "$WORK/script"
# client NAME MAC ARGS...: a DHCP exchange as MAC; what it was given in $WORK/NAME.env (empty: nothing). dnsmasq
# pings an address before it offers it (up to 3 s), so the client waits that long for an offer.
client() {
    local name=$1 mac=$2
    shift 2
    ip -n "$NS_C" addr flush dev cli0
    ip -n "$NS_C" link set cli0 address "$mac"
    : >"$WORK/$name.env"
    ENVFILE=$WORK/$name.env ip netns exec "$NS_C" env ENVFILE="$WORK/$name.env" \
        busybox udhcpc -i cli0 -n -q -f -t "${TRIES:-4}" -T 3 -s "$WORK/script" "$@" >"$WORK/$name.udhcpc" 2>&1
}
value() { sed -n "s/^$2=//p" "$WORK/$1.env"; }

# iPXE (option 175): the root path, and nothing to download.
client ipxe "$IPXE" -V "PXEClient:Arch:00000:UNDI:002001" -x 175:0101 -O 17
[ "$(value ipxe rootpath)" = aoe:e7.3 ]; check "iPXE gets root-path aoe:e7.3" "$([ $? = 0 ] && echo ok)" \
    "($(cat "$WORK/ipxe.env"))"
[ -z "$(value ipxe boot_file)" ]; check "iPXE gets no file" "$([ $? = 0 ] && echo ok)"
case $(value ipxe ip) in 10.77.0.5[0-9]|10.77.0.60) r=ok ;; *) r=FAIL ;; esac
check "iPXE's address is in the range" "$r" "($(value ipxe ip))"

# A BIOS PXE ROM that is not iPXE: undionly.kpxe by TFTP from the server, the very file.
client bios "$BIOS" -V "PXEClient:Arch:00000:UNDI:002001"
[ "$(value bios boot_file)" = undionly.kpxe ]; check "a BIOS PXE ROM is told undionly.kpxe" \
    "$([ $? = 0 ] && echo ok)" "($(cat "$WORK/bios.env"))"
[ -z "$(value bios rootpath)" ]; check "a PXE ROM gets no root path before it is iPXE" "$([ $? = 0 ] && echo ok)"
ip -n "$NS_C" addr add "$(value bios ip)/24" dev cli0 2>/dev/null
(cd "$WORK" && ip netns exec "$NS_C" busybox tftp -g -r undionly.kpxe -l got.kpxe "$(value bios siaddr)") \
    >"$WORK/tftp.out" 2>&1
cmp -s "$WORK/got.kpxe" /usr/lib/ipxe/undionly.kpxe; check "TFTP sends Debian's undionly.kpxe" \
    "$([ $? = 0 ] && echo ok)" "($(cat "$WORK/tftp.out"))"

# A UEFI x86-64 PXE ROM (option 93 = 7): ipxe.efi.
client uefi "$UEFI" -V "PXEClient:Arch:00007:UNDI:003016" -x 93:0007
[ "$(value uefi boot_file)" = ipxe.efi ]; check "a UEFI PXE ROM is told ipxe.efi" "$([ $? = 0 ] && echo ok)" \
    "($(cat "$WORK/uefi.env"))"

# A machine that is not named: nothing at all.
TRIES=2 client stranger "$STRANGER" -V "PXEClient:Arch:00000:UNDI:002001" -x 175:0101
[ ! -s "$WORK/stranger.env" ] && grep -q 'no lease' "$WORK/stranger.udhcpc"
check "a machine not given with --mac gets nothing" "$([ $? = 0 ] && echo ok)" "($(cat "$WORK/stranger.env"))"

sleep 0.5
out=$(cat "$WORK/serve.out")
printf '%s\n' "$out" | sed 's/^/  boot serve: /'
grep -q "^$IPXE 10.77.0.[0-9]* iPXE: root-path aoe:e7.3$" <<<"$out"; check "a line for the iPXE client" "$([ $? = 0 ] && echo ok)"
grep -q "^$BIOS 10.77.0.[0-9]* PXE: iPXE by TFTP (undionly.kpxe)$" <<<"$out"; check "a line for the BIOS client" "$([ $? = 0 ] && echo ok)"
grep -q "^10.77.0.[0-9]* TFTP: sent undionly.kpxe$" <<<"$out"; check "a line for the TFTP transfer" "$([ $? = 0 ] && echo ok)"
grep -q "^$STRANGER ignored: not an allowed machine" <<<"$out"; check "a line for the refused machine" "$([ $? = 0 ] && echo ok)"

kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=''
check "SIGTERM stops it with exit 0" "$([ $rc = 0 ] && echo ok)" "(exit $rc; $(tail -n 3 "$WORK/serve.err"))"
[ -n "$conf_dir" ] && [ ! -e "$conf_dir" ]; check "its private directory is gone" "$([ $? = 0 ] && echo ok)" "($conf_dir)"
ip netns pids "$NS_S" | grep -q . && r=FAIL || r=ok; check "no dnsmasq is left" "$r"

# Bad arguments: usage errors (2) before anything runs.
for bad in "--root aoe:e7.3" "-i boot0 --root aoe:e7.3" "-i boot0 --root 7.3x --proxy" \
    "-i boot0 --root aoe:e7.3 --range 10.77.0.60,10.77.0.50" "-i boot0 --root aoe:e7.3 --proxy --range 1.2.3.4,1.2.3.5" \
    "-i boot0 --root aoe:e7.3 --proxy --mac nope"; do
    # shellcheck disable=SC2086
    ip netns exec "$NS_S" "$ctl" boot serve $bad >/dev/null 2>"$WORK/bad.err"; rc=$?
    check "usage error: boot serve $bad" "$([ $rc = 2 ] && echo ok)" "(exit $rc: $(cat "$WORK/bad.err"))"
done
# A range outside the interface's network: a clear failure, no dnsmasq.
ip netns exec "$NS_S" "$ctl" boot serve -i boot0 --root aoe:e7.3 --range 10.9.0.5,10.9.0.9 >/dev/null 2>"$WORK/bad.err"
rc=$?
grep -q "not in boot0's network 10.77.0.0/24" "$WORK/bad.err"
check "a range outside the network is refused" "$([ $? = 0 ] && [ $rc = 1 ] && echo ok)" "(exit $rc: $(cat "$WORK/bad.err"))"

# --settings (how aoesan-boot@NAME.service runs it): a file it cannot use fails at once, and says why in the
# events file, where the service reads it. A FIFO is never waited on; a link is never followed.
mkfifo "$WORK/fifo.json"
ln -s /etc/passwd "$WORK/link.json"
for bad in "$WORK/missing.json" "$WORK/fifo.json" "$WORK/link.json"; do
    timeout 10 ip netns exec "$NS_S" "$ctl" boot serve --settings "$bad" --events "$WORK/bad.events" \
        >/dev/null 2>"$WORK/bad.err"
    rc=$?
    grep -q '"event":"failed"' "$WORK/bad.events" && [ $rc = 1 ]
    check "boot serve --settings $(basename "$bad"): exit 1 and a failed event" "$([ $? = 0 ] && echo ok)" \
        "(exit $rc: $(cat "$WORK/bad.err") / $(cat "$WORK/bad.events"))"
done
printf '{"interface":"boot0","rootPath":"aoe:e7.3","range":"","proxy":true,"macs":[]}' >"$WORK/good.json"
ip netns exec "$NS_S" "$ctl" boot serve --settings "$WORK/good.json" --events "$WORK/good.events" \
    >/dev/null 2>"$WORK/good.err" &
SERVER_PID=$!
for _ in $(seq 1 50); do grep -q '"event":"started"' "$WORK/good.events" 2>/dev/null && break; sleep 0.1; done
grep -q '"serving":"proxy DHCP beside the segment' "$WORK/good.events"
check "boot serve --settings FILE runs what the file says and writes a started event" "$([ $? = 0 ] && echo ok)" \
    "($(cat "$WORK/good.err") / $(cat "$WORK/good.events"))"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; SERVER_PID=''
ip netns pids "$NS_S" | grep -q . && r=FAIL || r=ok; check "no dnsmasq is left after SIGTERM" "$r"

[ $FAILS = 0 ] && { echo "tst_boot_serve: all passed"; exit 0; }
echo "tst_boot_serve: $FAILS failed"; exit 1
