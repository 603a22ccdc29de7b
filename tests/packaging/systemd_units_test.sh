#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The systemd files of packaging/systemd are what systemd accepts, and agree with the rest of the tree:
# - `systemd-analyze verify` of every unit, as written in the source tree and as CMake configured it for this
#   build's prefix, prints nothing. It needs no systemd as PID 1, but it insists that ExecStart= binaries
#   exist and are executable, so it runs with --root=DIR: a temporary tree with this machine's own units
#   (multi-user.target, dbus.socket, ...) copied in, our units in DIR/etc/systemd/system and an executable
#   stub at every Exec*= path they name (the real programs need not be built or installed). Two broken
#   copies (a misspelt key, a missing program) must make it complain, so a silent verify means something.
# - `systemd-analyze security --offline` rates aoesan.service at most 3.5 (today 3.4): loosening the
#   sandbox fails here.
# - aoesan.service: Type=dbus with BusName= the bus name of core/service/DbusApi.h; AmbientCapabilities= and
#   CapabilityBoundingSet= the same set, exactly the one docs/privileges.md lists; the D-Bus activation file
#   runs the same program and names this unit.
# - units that share a StateDirectory= or ConfigurationDirectory= give it the same mode; none names a man page.
# - sysusers.d creates user and group aoesan; tmpfiles.d makes /etc/aoesan (mode as the unit's
#   ConfigurationDirectoryMode=) and /srv/aoesan for group aoesan, checked in a scratch root.
# Usage: systemd_units_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=${1:?usage: systemd_units_test.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: systemd_units_test.sh SOURCE_DIR BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for tool in systemd-analyze systemd-sysusers systemd-tmpfiles; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (apt-get install systemd)"; exit 1; }
done
for unit in multi-user.target network-online.target dbus.socket; do
    [ -e "/usr/lib/systemd/system/$unit" ] || {
        echo "FAIL: /usr/lib/systemd/system/$unit is missing (apt-get install systemd dbus-system-bus-common)"
        exit 1
    }
done

units=("$src"/packaging/systemd/*.service)
[ ${#units[@]} -ge 2 ] || { echo "FAIL: no units in $src/packaging/systemd"; exit 1; }

# make_root DIR UNIT...: a root for verify with the host's units, these units and stubs of their programs.
make_root() {
    local root=$1; shift
    mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
    cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
    local unit program
    for unit in "$@"; do
        cp "$unit" "$root/etc/systemd/system/"
        # Exec*= lines: the first word after the optional prefixes (- @ : + !) is the program.
        while IFS= read -r program; do
            mkdir -p "$root$(dirname "$program")"
            printf '#!/bin/sh\nexit 0\n' >"$root$program"
            chmod 755 "$root$program"
        done < <(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\(\/[^ ]*\).*/\1/p' "$unit")
    done
}

# verify_names UNIT...: what `systemctl start` would name them (a template gets an instance).
verify_names() {
    local unit name
    for unit in "$@"; do
        name=$(basename "$unit")
        case $name in *@.service) name=${name%@.service}@test-1.service ;; esac
        echo "$name"
    done
}

# verify ROOT UNIT...: prints what systemd-analyze says; returns its status.
verify() {
    local root=$1; shift
    mapfile -t names < <(verify_names "$@")
    systemd-analyze verify --man=no --root="$root" "${names[@]}" 2>&1
}

check_verify() { # check_verify WHAT UNIT...
    local what=$1; shift
    make_root "$work/$what" "$@"
    local out rc
    out=$(verify "$work/$what" "$@"); rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then
        pass "systemd-analyze verify: $what ($(verify_names "$@" | tr '\n' ' '))"
    else
        fail "systemd-analyze verify: $what (exit $rc):"; echo "$out"
    fi
}
check_verify source "${units[@]}"
configured=("$build"/packaging/systemd/*.service)
if [ ${#configured[@]} -eq ${#units[@]} ] && [ -e "${configured[0]}" ]; then
    check_verify configured "${configured[@]}"
else
    fail "the build tree has ${#configured[@]} configured units in $build/packaging/systemd, the source ${#units[@]}"
fi

# The checks above must be able to fail.
sed 's/^ProtectSystem=/ProtectSytem=/' "$src/packaging/systemd/aoesan.service" >"$work/aoesan.service"
make_root "$work/typo" "$work/aoesan.service"
out=$(verify "$work/typo" "$work/aoesan.service")
if printf '%s' "$out" | grep -q "Unknown key.*ProtectSytem"; then pass "verify reports a misspelt key"
else fail "verify did not report the misspelt key ProtectSytem="; echo "$out"; fi
make_root "$work/nostub" "$src/packaging/systemd/aoesan.service"
rm "$work/nostub/usr/libexec/aoesan/aoesan-service"
out=$(verify "$work/nostub" "$src/packaging/systemd/aoesan.service")
if printf '%s' "$out" | grep -q "aoesan-service is not executable"; then pass "verify reports a missing program"
else fail "verify did not report the missing /usr/libexec/aoesan/aoesan-service"; echo "$out"; fi

out=$(systemd-analyze security --offline=yes --threshold=35 --root="$work/source" aoesan.service 2>&1); rc=$?
level=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for aoesan.service: \([0-9.]*\).*/\1/p')
if [ $rc -eq 0 ] && [ -n "$level" ]; then pass "systemd-analyze security: exposure $level, at most 3.5"
else fail "systemd-analyze security: exposure ${level:-unknown} is above 3.5 (exit $rc)"; printf '%s\n' "$out" | grep "✗"; fi

# value KEY FILE: the value of KEY= (the last one wins, as in systemd), trimmed.
value() { sed -n "s/^$1=\(.*\)/\1/p" "$2" | tail -n 1 | sed 's/[[:space:]]*$//'; }
# words: one word a line, sorted, for comparing sets.
words() { tr ' ,' '\n\n' | sed '/^$/d' | sort -u; }

service=$src/packaging/systemd/aoesan.service
bus_name=$(sed -n 's/.*kBusName\[\] = "\([^"]*\)".*/\1/p' "$src/core/service/DbusApi.h")
[ -n "$bus_name" ] || fail "no kBusName in core/service/DbusApi.h"
[ "$(value Type "$service")" = dbus ] && pass "aoesan.service is Type=dbus" || fail "aoesan.service: Type= is not dbus"
[ "$(value BusName "$service")" = "$bus_name" ] && pass "BusName= is DbusApi.h's $bus_name" \
    || fail "aoesan.service: BusName=$(value BusName "$service"), DbusApi.h says $bus_name"
for key in User Group; do
    [ "$(value $key "$service")" = aoesan ] && pass "$key=aoesan" || fail "aoesan.service: $key= is not aoesan"
done
[ "$(value NoNewPrivileges "$service")" = yes ] && pass "NoNewPrivileges=yes" || fail "aoesan.service: no NoNewPrivileges=yes"
[ "$(value RestartPreventExitStatus "$service")" = 3 ] && pass "RestartPreventExitStatus=3 (no permission)" \
    || fail "aoesan.service: RestartPreventExitStatus= is not 3"

bounding=$(value CapabilityBoundingSet "$service" | words)
ambient=$(value AmbientCapabilities "$service" | words)
[ -n "$bounding" ] && [ "$bounding" = "$ambient" ] && pass "AmbientCapabilities= is CapabilityBoundingSet=: $bounding" \
    || fail "aoesan.service: AmbientCapabilities='$ambient', CapabilityBoundingSet='$bounding'"
# docs/privileges.md lists the capabilities as the rows of the table under "## Capabilities": | `CAP_X` | why |
documented=$(sed -n '/^## Capabilities/,/^## /p' "$src/docs/privileges.md" | sed -n 's/^| *`\(CAP_[A-Z_]*\)`.*/\1/p' | words)
if [ -n "$documented" ] && [ "$documented" = "$bounding" ]; then
    pass "docs/privileges.md lists exactly CapabilityBoundingSet=: $documented"
else
    fail "docs/privileges.md lists '$(echo $documented)', aoesan.service has CapabilityBoundingSet='$(echo $bounding)'"
fi

activation=$src/packaging/dbus/io.github.aoesan1.service
section=$(head -n 20 "$activation" | grep -v '^#' | sed '/^$/d' | head -n 1)
[ "$section" = "[D-BUS Service]" ] && pass "the activation file is a [D-BUS Service]" || fail "activation file starts with '$section'"
[ "$(value Name "$activation")" = "$bus_name" ] && pass "activation Name= is $bus_name" \
    || fail "activation file: Name=$(value Name "$activation"), expected $bus_name"
[ "$(value SystemdService "$activation")" = aoesan.service ] && pass "activation SystemdService=aoesan.service" \
    || fail "activation file: SystemdService=$(value SystemdService "$activation")"
[ "$(value Exec "$activation")" = "$(value ExecStart "$service")" ] && pass "activation Exec= is the unit's ExecStart=" \
    || fail "activation Exec=$(value Exec "$activation"), unit ExecStart=$(value ExecStart "$service")"
[ "$(value User "$activation")" = aoesan ] && pass "activation User=aoesan" || fail "activation file: User= is not aoesan"

# sysusers.d and tmpfiles.d in a scratch root (its own /etc/passwd and /etc/group).
root=$work/sysroot
mkdir -p "$root/etc"
if out=$(systemd-sysusers --root="$root" "$src/packaging/systemd/sysusers.d/aoesan.conf" 2>&1) \
    && grep -q '^aoesan:x:[0-9]*:[0-9]*:[^:]*:/var/lib/aoesan:/usr/sbin/nologin$' "$root/etc/passwd" \
    && grep -q '^aoesan:x:' "$root/etc/group"; then
    pass "sysusers.d: user aoesan (home /var/lib/aoesan, nologin) and group aoesan"
else
    fail "sysusers.d did not create user and group aoesan: $out"; cat "$root/etc/passwd" "$root/etc/group" 2>/dev/null
fi
gid=$(sed -n 's/^aoesan:x:\([0-9]*\):.*/\1/p' "$root/etc/group")
out=$(systemd-tmpfiles --root="$root" --create "$src/packaging/systemd/tmpfiles.d/aoesan.conf" 2>&1) \
    || fail "systemd-tmpfiles --create failed: $out"
config_mode=$(value ConfigurationDirectoryMode "$service")
for want in "/etc/aoesan ${config_mode#0} 0" "/srv/aoesan 2770 0"; do
    read -r dir mode uid <<<"$want"
    got=$(stat -c '%a %u %g' "$root$dir" 2>/dev/null)
    [ "$got" = "$mode $uid $gid" ] && pass "tmpfiles.d: $dir mode $mode, root:aoesan" \
        || fail "tmpfiles.d: $dir is '${got:-missing}', expected '$mode $uid $gid' (mode uid gid)"
done
grep -q '^ReadWritePaths=-/srv/aoesan$' "$service" && pass "the unit may write /srv/aoesan" \
    || fail "aoesan.service does not list /srv/aoesan in ReadWritePaths="

# systemd resets a StateDirectory= or ConfigurationDirectory= to the unit's mode at every start: units that
# share one must agree, or starting one would lock the other out. And no unit points at a manual page: the
# tree ships none (verify runs with --man=no, so it would not notice).
for key in StateDirectory ConfigurationDirectory; do
    modes=$(for unit in "${units[@]}"; do
                [ -n "$(value $key "$unit")" ] && echo "$(value $key "$unit") $(value ${key}Mode "$unit")"
            done | sort -u)
    [ "$(printf '%s\n' "$modes" | cut -d' ' -f1 | uniq -d)" = "" ] && pass "$key= has one mode in every unit: $(echo $modes)" \
        || fail "the units give $key= different modes: $(echo $modes)"
done
if grep -l '^Documentation=.*man:' "${units[@]}"; then fail "the units above name manual pages, and there are none"
else pass "no unit names a manual page"; fi

exit $((failures > 0))
