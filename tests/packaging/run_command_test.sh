#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's first command, `packaging/build-from-source.sh --run`, down both of its paths:
# - where systemd runs (here: a private mount namespace whose /run has /run/systemd/system and a system bus
#   socket), it builds the package, installs it with apt-get (a stand-in that records its arguments: this
#   machine is not changed) and starts the installed program (a stand-in too) with the arguments given;
# - where it does not (a container, this machine), it installs nothing and starts the build tree's program:
#   `--run --version` prints the real program's version.
# Root (unshare -m); exit 77 otherwise. Usage: run_command_test.sh SOURCE_DIR BUILD_DIR VERSION
set -uo pipefail
src=${1:?usage: run_command_test.sh SOURCE_DIR BUILD_DIR VERSION}
build=${2:?usage}
version=${3:?usage}
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (a private mount namespace)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mkdir -p "$work/bin"
printf '#!/bin/sh\necho "apt-get $*" >>"%s/calls"\nexit 0\n' "$work" >"$work/bin/apt-get"
printf '#!/bin/sh\necho "program uid=$(id -u) $*" >>"%s/calls"\nexit 0\n' "$work" >"$work/installed-aoesan"
chmod +x "$work/bin/apt-get" "$work/installed-aoesan"
deb=$build/aoesan_${version}_$(dpkg --print-architecture).deb

# With systemd: /run of this namespace only, holding what systemd_runs looks for.
out=$(unshare -m --propagation private bash -c '
    mount -t tmpfs aoesan-run /run && mkdir -p /run/systemd/system /run/dbus &&
    /usr/bin/python3 -c "import socket; socket.socket(socket.AF_UNIX).bind(\"/run/dbus/system_bus_socket\")" &&
    exec env PATH="$1:$PATH" BUILD_DIR="$2" AOESAN_INSTALLED_PROGRAM="$3" "$4/packaging/build-from-source.sh" \
        --run --lab' _ "$work/bin" "$build" "$work/installed-aoesan" "$src" 2>&1)
rc=$?
calls=$(cat "$work/calls" 2>/dev/null)
echo "$out" | tail -5 | sed 's/^/  | /'
[ $rc = 0 ] && pass "--run with systemd: exit 0" || fail "--run with systemd: exit $rc"
grep -q "^Built $deb\$" <<<"$out" && [ -f "$deb" ] && pass "it built $deb" || fail "it did not build $deb"
if grep -qx "apt-get install -y -qq --reinstall -o DPkg::Lock::Timeout=600 $deb" <<<"$calls"; then
    pass "it installed the package with apt-get"
else
    fail "apt-get was not asked to install $deb (calls: $calls)"
fi
grep -qx "program uid=0 --lab" <<<"$calls" && [ "$(tail -1 <<<"$calls")" = "program uid=0 --lab" ] &&
    pass "then it started the installed program, with the arguments" || fail "the installed program was not started last ($calls)"

# Without systemd: the build tree's own program, nothing installed.
rm -f "$work/calls"
out=$(unshare -m --propagation private bash -c '
    mount -t tmpfs aoesan-run /run &&
    exec env PATH="$1:$PATH" BUILD_DIR="$2" AOESAN_INSTALLED_PROGRAM="$3" "$4/packaging/build-from-source.sh" \
        --run --version' _ "$work/bin" "$build" "$work/installed-aoesan" "$src" 2>&1)
rc=$?
[ $rc = 0 ] && pass "--run without systemd: exit 0" || fail "--run without systemd: exit $rc ($out)"
grep -q "^aoesan $version" <<<"$out" && pass "it ran the build tree's aoesan (--version: $(grep '^aoesan ' <<<"$out"))" ||
    fail "the build tree's aoesan did not print its version ($out)"
[ ! -s "$work/calls" ] && pass "nothing installed, no other program started" || fail "calls without systemd: $(cat "$work/calls")"

[ $failures -eq 0 ] && echo "All --run checks passed." || echo "$failures --run check(s) failed."
[ $failures -eq 0 ]
