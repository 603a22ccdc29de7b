#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tst_polkit_daemon: the real polkitd accepts packaging/polkit/io.github.aoesan1.{policy,rules} and decides
# as docs/privileges.md says. tst_polkit_files checks the rule under node with a stand-in; this one runs
# polkit's own daemon (its JavaScript engine, its group lookup) on a private bus (tests/support/dbus).
# It needs root: in a private mount namespace it puts copies of /etc/passwd and /etc/group with two made-up
# users over the real ones (alice, a member of a group aoesan, and bob, who is not), the system's polkit
# actions and rules plus ours over /usr/share/polkit-1/{actions,rules.d}, and an empty /etc/polkit-1/rules.d
# (the machine's own local rules stay out). Nothing outside the namespace changes.
# Checks: pkaction reads our three actions with their defaults; CheckAuthorization for a process of alice
# is yes for each, for bob's a challenge (auth_admin), and alice's membership gives nothing for others' actions.
# Usage: polkit_daemon_test.sh SOURCE_DIR        (exit 77: not root, so it did not run)
set -uo pipefail
src=${1:?usage: polkit_daemon_test.sh SOURCE_DIR}
stage=${2:-start}
self=$(readlink -f "$0")
polkitd=/usr/lib/polkit-1/polkitd
actions=(io.github.aoesan1.manage-exports io.github.aoesan1.configure-discovery io.github.aoesan1.change-targets io.github.aoesan1.attach-targets)

case $stage in
start)
    if [ "$(id -u)" -ne 0 ]; then
        echo "SKIP: tst_polkit_daemon needs root (a private mount namespace with made-up users)"; exit 77
    fi
    for need in "$polkitd" /usr/bin/pkaction; do
        [ -x "$need" ] || { echo "FAIL: $need is missing (apt-get install polkitd)"; exit 1; }
    done
    getent passwd polkitd >/dev/null || { echo "FAIL: no user polkitd (reinstall polkitd)"; exit 1; }
    exec unshare --mount --propagation private "$self" "$src" namespace
    ;;
namespace)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # Two unused uids and a gid for the made-up users and their group aoesan.
    ids=()
    for id in $(seq 64100 64200); do
        getent passwd "$id" >/dev/null || getent group "$id" >/dev/null || ids+=("$id")
        [ ${#ids[@]} -eq 3 ] && break
    done
    grep -v '^aoesan:' /etc/group >"$work/group" # a real group aoesan is replaced, not merged
    cp /etc/passwd "$work/passwd"
    echo "alice:x:${ids[0]}:${ids[0]}::/nonexistent:/usr/sbin/nologin" >>"$work/passwd"
    echo "bob:x:${ids[1]}:${ids[1]}::/nonexistent:/usr/sbin/nologin" >>"$work/passwd"
    printf 'alice:x:%s:\nbob:x:%s:\naoesan:x:%s:alice\n' "${ids[0]}" "${ids[1]}" "${ids[2]}" >>"$work/group"
    mkdir -p "$work/actions" "$work/rules" "$work/local-rules" "$work/bus"
    cp /usr/share/polkit-1/actions/* "$work/actions/" 2>/dev/null
    cp "$src/packaging/polkit/io.github.aoesan1.policy" "$work/actions/"
    # Someone else's action, to show that the group aoesan gives nothing beyond ours.
    cat >"$work/actions/org.example.other.policy" <<'POLICY'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE policyconfig PUBLIC "-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd">
<policyconfig>
  <action id="org.example.other.change">
    <description>Change something else</description>
    <message>Authentication is required to change something else.</message>
    <defaults><allow_any>auth_admin</allow_any><allow_inactive>auth_admin</allow_inactive><allow_active>auth_admin</allow_active></defaults>
  </action>
</policyconfig>
POLICY
    cp /usr/share/polkit-1/rules.d/* "$work/rules/" 2>/dev/null
    cp "$src/packaging/polkit/io.github.aoesan1.rules" "$work/rules/"
    mount --bind "$work/passwd" /etc/passwd && mount --bind "$work/group" /etc/group \
        && mount --bind "$work/actions" /usr/share/polkit-1/actions \
        && mount --bind "$work/rules" /usr/share/polkit-1/rules.d || { echo "FAIL: cannot bind-mount the copies"; exit 1; }
    [ -d /etc/polkit-1/rules.d ] && mount --bind "$work/local-rules" /etc/polkit-1/rules.d
    # polkitd runs as the user polkitd: it must reach the bus socket in the rig's directory.
    chmod 755 "$work" "$work/bus"
    "$src/tests/support/dbus/private-bus.py" --mode none --dir "$work/bus" -- "$self" "$src" bus "$work" "${ids[0]}" "${ids[1]}"
    exit $?
    ;;
bus)
    work=$3 alice=$4 bob=$5
    ;;
*)
    echo "polkit_daemon_test.sh: unknown stage '$stage'"; exit 2 ;;
esac

# On the private bus, in the namespace.
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
chmod 755 "$(dirname "${DBUS_SYSTEM_BUS_ADDRESS#unix:path=}")"
"$polkitd" >"$work/polkitd.log" 2>&1 &
polkit_pid=$!
sleepers=()
trap 'kill "$polkit_pid" "${sleepers[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 100); do
    busctl --address="$DBUS_SYSTEM_BUS_ADDRESS" status org.freedesktop.PolicyKit1 >/dev/null 2>&1 && break
    sleep 0.1
done
if ! busctl --address="$DBUS_SYSTEM_BUS_ADDRESS" status org.freedesktop.PolicyKit1 >/dev/null 2>&1; then
    echo "FAIL: polkitd did not come up on the private bus:"; cat "$work/polkitd.log"; exit 1
fi
pass "polkitd runs on the private bus ($(grep -o 'executing [0-9]* rules' "$work/polkitd.log"))"

for action in "${actions[@]}"; do
    out=$(pkaction --action-id "$action" --verbose 2>&1)
    if printf '%s\n' "$out" | grep -q 'implicit any: *auth_admin$' \
        && printf '%s\n' "$out" | grep -q 'implicit inactive: *auth_admin$' \
        && printf '%s\n' "$out" | grep -q 'implicit active: *auth_admin_keep$'; then
        pass "pkaction: $action, auth_admin / auth_admin / auth_admin_keep"
    else
        fail "pkaction: $action:"$'\n'"$out"
    fi
done

# A process of each user (with the groups /etc/group gives it) to ask about.
setpriv --reuid="$alice" --regid="$alice" --init-groups sleep 60 &
alice_pid=$!
setpriv --reuid="$bob" --regid="$bob" --init-groups sleep 60 &
bob_pid=$!
sleepers=("$alice_pid" "$bob_pid")
sleep 0.2
# ask PID UID ACTION: CheckAuthorization for that process, no interaction; prints "true false" and so on.
ask() {
    busctl --address="$DBUS_SYSTEM_BUS_ADDRESS" call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
        org.freedesktop.PolicyKit1.Authority CheckAuthorization '(sa{sv})sa{ss}us' \
        unix-process 3 pid u "$1" start-time t 0 uid i "$2" "$3" 0 0 "" 2>&1 | sed -n 's/^(bba{ss}) \([a-z]*\) \([a-z]*\).*/\1 \2/p'
}
for action in "${actions[@]}"; do
    got=$(ask "$alice_pid" "$alice" "$action")
    [ "$got" = "true false" ] && pass "alice (group aoesan): $action is allowed" \
        || fail "alice (group aoesan): $action: '$got', expected 'true false'"
    got=$(ask "$bob_pid" "$bob" "$action")
    [ "$got" = "false true" ] && pass "bob: $action needs an administrator (challenge)" \
        || fail "bob: $action: '$got', expected 'false true' (not authorised, challenge)"
done
got=$(ask "$alice_pid" "$alice" org.example.other.change)
[ "$got" = "false true" ] && pass "alice: group aoesan gives nothing for org.example.other.change" \
    || fail "alice: org.example.other.change: '$got', expected 'false true'"
if grep -i 'error' "$work/polkitd.log" | grep -q aoesan; then
    fail "polkitd complained about our files:"; grep -i error "$work/polkitd.log"
fi
exit $((failures > 0))
