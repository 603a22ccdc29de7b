#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tst_dbus_rig: tests/support/dbus/private-bus.py gives the service tests what they rely on.
# - --mode allow: CheckAuthorization says yes to the three aoesan actions and to any other id;
#   deny: no; hang: no answer (busctl's 2 s timeout ends the call, and the mock holds it as pending);
#   none: nobody owns org.freedesktop.PolicyKit1.
# - The bus is the system type with the real policy of packaging/dbus: the test's user may own
#   io.github.aoesan1 there, and (as root, with setpriv) the user nobody may not.
# - Without a command the rig prints its address and runs until its stdin pipe closes or SIGTERM, and then
#   leaves no process and no directory behind; with a command it passes the command's exit status on.
# Usage: dbus_rig_test.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: dbus_rig_test.sh SOURCE_DIR}
rig=$src/tests/support/dbus/private-bus.py
work=$(mktemp -d)
rig_pid=
cleanup() {
    [ -n "$rig_pid" ] && kill "$rig_pid" 2>/dev/null && wait "$rig_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
for tool in busctl dbus-send dbus-daemon; do
    command -v $tool >/dev/null || { echo "FAIL: $tool is missing (apt-get install systemd dbus-bin dbus-daemon)"; exit 1; }
done

# check_auth ACTION [TIMEOUT]: CheckAuthorization for this process's bus name, as the service asks it.
# Prints busctl's answer ("(bba{ss}) true false ...") or its error.
check_auth() {
    busctl --address="$DBUS_SYSTEM_BUS_ADDRESS" --timeout="${2:-5}" call org.freedesktop.PolicyKit1 \
        /org/freedesktop/PolicyKit1/Authority org.freedesktop.PolicyKit1.Authority CheckAuthorization \
        '(sa{sv})sa{ss}us' system-bus-name 1 name s :1.1 "$1" 0 1 "" 2>&1
}
export -f check_auth

actions=(io.github.aoesan1.manage-exports io.github.aoesan1.configure-discovery io.github.aoesan1.change-targets
         org.example.any-other-action)

# in_rig MODE SCRIPT: runs the bash SCRIPT on a rig of that mode; prints what it prints.
in_rig() { "$rig" --mode "$1" --dir "$work" -- bash -c "$2" 2>&1; }

for mode in allow deny; do
    want=$([ $mode = allow ] && echo true || echo false)
    out=$(in_rig $mode "for a in ${actions[*]}; do echo \"\$a: \$(check_auth \$a)\"; done")
    for a in "${actions[@]}"; do
        line=$(printf '%s\n' "$out" | grep "^$a: ")
        [[ "$line" == "$a: (bba{ss}) $want false "* ]] && pass "$mode: $a is_authorized $want" \
            || fail "$mode: $a: expected '(bba{ss}) $want false ...', got '${line:-nothing}'"$'\n'"$out"
    done
done

out=$(in_rig hang 'start=$(date +%s%N); r=$(check_auth io.github.aoesan1.manage-exports 2); end=$(date +%s%N)
    echo "answer: $r"; echo "ms: $(( (end - start) / 1000000 ))"
    busctl --address="$DBUS_SYSTEM_BUS_ADDRESS" call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
        org.freedesktop.DBus.Mock HaveHangingCalls')
ms=$(printf '%s\n' "$out" | sed -n 's/^ms: //p')
if printf '%s\n' "$out" | grep -q '^answer: .*timed out' && [ "${ms:-0}" -ge 1900 ]; then
    pass "hang: no answer, the caller's 2 s timeout ended the call after $ms ms"
else
    fail "hang: expected a timeout after about 2 s"$'\n'"$out"
fi
printf '%s\n' "$out" | grep -q '^b true$' && pass "hang: the mock holds the call as pending" \
    || fail "hang: HaveHangingCalls is not true"$'\n'"$out"

out=$(in_rig none 'check_auth io.github.aoesan1.manage-exports')
printf '%s\n' "$out" | grep -qi 'not activatable\|ServiceUnknown\|was not provided' \
    && pass "none: nobody answers for org.freedesktop.PolicyKit1" || fail "none: expected ServiceUnknown, got: $out"

# RequestName through the bus itself: reply 1 is "primary owner".
request_name='dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.RequestName string:io.github.aoesan1 uint32:4 2>&1'
out=$(in_rig allow "DBUS_SYSTEM_BUS_ADDRESS=\$DBUS_SYSTEM_BUS_ADDRESS $request_name")
printf '%s\n' "$out" | grep -q 'uint32 1' && pass "the test's user ($(id -un)) may own io.github.aoesan1" \
    || fail "the test's user could not own io.github.aoesan1: $out"
if [ "$(id -u)" -eq 0 ]; then
    # The socket's directories are private (mktemp): let nobody in to knock.
    chmod 755 "$work"
    out=$(in_rig allow "chmod 755 \"\$(dirname \"\${DBUS_SYSTEM_BUS_ADDRESS#unix:path=}\")\"
        setpriv --reuid=65534 --regid=65534 --clear-groups env DBUS_SYSTEM_BUS_ADDRESS=\$DBUS_SYSTEM_BUS_ADDRESS \
        $request_name")
    printf '%s\n' "$out" | grep -q 'AccessDenied' && pass "the user nobody may not own io.github.aoesan1 (the real policy)" \
        || fail "nobody was not refused io.github.aoesan1: $out"
else
    echo "NOTE: not root, so the check that another user may not own io.github.aoesan1 did not run"
fi

"$rig" --mode deny --dir "$work" -- sh -c 'exit 7' 2>/dev/null
status=$?
[ $status -eq 7 ] && pass "the rig exits with the command's status" || fail "the command exited 7, the rig $status"

# gone PID DIR: no such process and no such directory within 10 s.
gone() {
    local _
    for _ in $(seq 100); do
        ! kill -0 "$1" 2>/dev/null && [ ! -e "$2" ] && return 0
        sleep 0.1
    done
    return 1
}
# bus_pid ADDRESS: the pid of the dbus-daemon behind it, asked of the bus itself.
bus_pid() {
    busctl --address="$1" call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus \
        GetConnectionUnixProcessID s org.freedesktop.DBus 2>/dev/null | awk '{print $2}'
}
mock_pid() {
    busctl --address="$1" call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus \
        GetConnectionUnixProcessID s org.freedesktop.PolicyKit1 2>/dev/null | awk '{print $2}'
}

for ending in "stdin closes" SIGTERM; do
    mkfifo "$work/in" "$work/out"
    if [ "$ending" = SIGTERM ]; then
        "$rig" --mode allow --dir "$work" </dev/null >"$work/out" &
    else
        "$rig" --mode allow --dir "$work" <"$work/in" >"$work/out" &
    fi
    rig_pid=$!
    [ "$ending" = SIGTERM ] || exec {writer}>"$work/in"
    read -r -t 20 address <"$work/out"
    socket=${address#unix:path=}
    dpid=$(bus_pid "$address") ppid=$(mock_pid "$address")
    answer=$(DBUS_SYSTEM_BUS_ADDRESS=$address check_auth io.github.aoesan1.manage-exports)
    if [[ "$address" == unix:path=* ]] && [ -S "$socket" ] && [ -n "$dpid" ] && [ -n "$ppid" ] \
        && [[ "$answer" == "(bba{ss}) true false "* ]]; then
        pass "$ending: the rig printed its address ($address) and polkit answers there"
    else
        fail "$ending: address '${address:-}', dbus-daemon pid '$dpid', mock pid '$ppid', answer '$answer'"
    fi
    if [ "$ending" = SIGTERM ]; then kill -TERM "$rig_pid"; else exec {writer}>&-; fi
    wait "$rig_pid"; status=$?
    rig_pid=
    gone "$dpid" "$(dirname "$socket")" && gone "$ppid" "$(dirname "$socket")" && [ $status -eq 0 ] \
        && pass "$ending: the rig ended (status 0), with dbus-daemon and the mock, and removed its directory" \
        || fail "$ending: status $status; dbus-daemon $dpid or mock $ppid or $(dirname "$socket") is still there"
    rm -f "$work/in" "$work/out"
done

[ -z "$(ls -A "$work")" ] && pass "nothing left in the rig's parent directory" \
    || fail "left behind in $work: $(ls -A "$work")"
exit $((failures > 0))
