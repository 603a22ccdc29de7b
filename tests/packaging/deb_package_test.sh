#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package that `packaging/build-from-source.sh --deb` left in the build tree (the README's test
# command builds it before ctest runs), checked without installing it:
# - it is newer than the programs it packs, its version is the project's VERSION and packaging/debian's
#   changelog's, its architecture this machine's;
# - it holds exactly the files a /usr install needs (below), no setuid or setgid file, the programs stripped;
# - Depends has what shlibdeps found and what is loaded or run at run time (the SVG plugins, dbus, polkitd,
#   setcap for postinst, adduser);
# - postinst gives aoesan-engine root:aoesan 0750 and cap_net_raw with setcap, respects dpkg-statoverride,
#   and stops with a message when setcap fails (never chmod u+s); postrm purges what the service made;
# - lintian (--pedantic, with the package's overrides) reports no error and no warning;
# - desktop-file-validate, appstreamcli validate and man --warnings are clean on the files as packaged.
# The VM test (tests/vm, label vm) installs it in a real Debian 12 with systemd.
# Usage: deb_package_test.sh SOURCE_DIR BUILD_DIR VERSION
set -uo pipefail
src=${1:?usage: deb_package_test.sh SOURCE_DIR BUILD_DIR VERSION}
build=${2:?usage}
version=${3:?usage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

arch=$(dpkg --print-architecture)
deb=$build/aoesan_${version}_${arch}.deb
if [ ! -f "$deb" ]; then
    echo "FAIL: no package at $deb: build it with packaging/build-from-source.sh --deb"
    exit 1
fi
for tool in lintian desktop-file-validate appstreamcli man; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (packaging/build-from-source.sh --test installs it)"; exit 1; }
done

# Fresh: a package older than the programs it should hold tests an old build.
stale=$(find "$build/app" -maxdepth 1 -type f -executable -newer "$deb" -name 'aoesan*' -printf '%f ')
[ -z "$stale" ] && pass "the package is newer than the programs" ||
    fail "the package is older than $stale: rebuild it with packaging/build-from-source.sh --deb"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Version)" = "$version" ] && pass "Version $version" || fail "Version is $(field Version), not $version"
changelog_version=$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)
[ "$changelog_version" = "$version" ] && pass "the changelog's version is VERSION" ||
    fail "packaging/debian/changelog says $changelog_version, CMakeLists.txt VERSION $version"
[ "$(field Architecture)" = "$arch" ] && pass "Architecture $arch" || fail "Architecture is $(field Architecture)"

depends=$(field Depends)
for dep in libqt6core6 libqt6dbus6 libqt6widgets6 libqt6svg6 libpcap0.8 libspdlog1.10 dbus polkitd libcap2-bin adduser kmod; do
    grep -qE "(^|, )$dep[ ,(-]|(^|, )$dep$" <<<"$depends" && pass "Depends: $dep" || fail "Depends lacks $dep ($depends)"
done

# Exactly these files (directories aside): the programs, the service's data files, the desktop's.
expected="./etc/xdg/autostart/io.github.aoesan-tray.desktop
./lib/systemd/system/aoesan-aoe@.service
./lib/systemd/system/aoesan-boot@.service
./lib/systemd/system/aoesan-export@.service
./lib/systemd/system/aoesan.service
./lib/udev/rules.d/60-aoesan.rules
./usr/bin/aoesan
./usr/bin/aoesan-ctl
./usr/lib/sysusers.d/aoesan.conf
./usr/lib/tmpfiles.d/aoesan.conf
./usr/libexec/aoesan/aoesan-engine
./usr/libexec/aoesan/aoesan-service
./usr/share/applications/io.github.aoesan.desktop
./usr/share/bash-completion/completions/aoesan-ctl
./usr/share/dbus-1/system-services/io.github.aoesan1.service
./usr/share/dbus-1/system.d/io.github.aoesan1.conf
./usr/share/doc/aoesan/changelog.gz
./usr/share/doc/aoesan/copyright
./usr/share/icons/hicolor/128x128/apps/io.github.aoesan.png
./usr/share/icons/hicolor/16x16/apps/io.github.aoesan.png
./usr/share/icons/hicolor/22x22/apps/io.github.aoesan.png
./usr/share/icons/hicolor/24x24/apps/io.github.aoesan.png
./usr/share/icons/hicolor/256x256/apps/io.github.aoesan.png
./usr/share/icons/hicolor/32x32/apps/io.github.aoesan.png
./usr/share/icons/hicolor/48x48/apps/io.github.aoesan.png
./usr/share/icons/hicolor/64x64/apps/io.github.aoesan.png
./usr/share/icons/hicolor/scalable/apps/io.github.aoesan.svg
./usr/share/initramfs-tools/hooks/aoesan
./usr/share/initramfs-tools/scripts/local-top/aoesan
./usr/share/man/man1/aoesan.1.gz
./usr/share/man/man8/aoesan-ctl.8.gz
./usr/share/man/man8/aoesan-engine.8.gz
./usr/share/metainfo/io.github.aoesan.metainfo.xml
./usr/share/polkit-1/actions/io.github.aoesan1.policy
./usr/share/polkit-1/rules.d/io.github.aoesan1.rules"
actual=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort)
if [ "$actual" = "$(sort <<<"$expected")" ]; then
    pass "the package holds the $(wc -l <<<"$expected") expected files"
else
    fail "the package's files differ from the expected list:"
    diff <(sort <<<"$expected") <(echo "$actual") | sed -n 's/^[<>]/  &/p'
fi
special=$(dpkg-deb -c "$deb" | awk '$1 ~ /^-..[sS]|^-.....[sS]/ {print $6}')
[ -z "$special" ] && pass "no setuid or setgid file" || fail "setuid/setgid in the package: $special"

dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"
for program in usr/bin/aoesan usr/bin/aoesan-ctl usr/libexec/aoesan/aoesan-engine usr/libexec/aoesan/aoesan-service; do
    if file -b "$work/root/$program" 2>/dev/null | grep -q 'not stripped'; then fail "$program is not stripped"
    elif readelf -S "$work/root/$program" | grep -q '\.debug_info'; then fail "$program has debug info"
    else pass "$program is stripped"; fi
done

# The maintainer scripts.
postinst=$work/control/postinst postrm=$work/control/postrm
for s in "$postinst" "$postrm"; do sh -n "$s" && pass "$(basename "$s") parses" || fail "$(basename "$s") does not parse"; done
grep -q 'setcap cap_net_raw=ep "$engine"' "$postinst" && pass "postinst gives the engine cap_net_raw" || fail "postinst: no setcap"
grep -q 'chown root:aoesan "$engine"' "$postinst" && grep -q 'chmod 0750 "$engine"' "$postinst" &&
    pass "postinst: root:aoesan 0750" || fail "postinst: no root:aoesan 0750"
grep -q 'dpkg-statoverride --list "$engine"' "$postinst" && pass "postinst respects dpkg-statoverride" || fail "postinst ignores dpkg-statoverride"
grep -qE 'chmod [ug]\+s|chmod [0-7]*[4-7][0-7]{3}' "$postinst" && fail "postinst makes something setuid/setgid" || pass "postinst sets no setuid bit"
grep -q 'deb-systemd-helper.*enable.*aoesan.service\|deb-systemd-helper unmask' "$postinst" && pass "postinst enables aoesan.service" ||
    fail "postinst does not enable aoesan.service"
grep -q 'deb-systemd-invoke.*start.*aoesan.service\|deb-systemd-invoke \$_dh_action' "$postinst" && pass "postinst starts it where systemd runs" ||
    fail "postinst does not start aoesan.service"
grep -q 'rm -rf /etc/aoesan /var/lib/aoesan' "$postrm" && grep -q 'deluser --system' "$postrm" &&
    pass "postrm purge removes the export list, the state, the user" || fail "postrm purge leaves things behind"

# setcap fails (a file system without extended attributes): postinst stops, saying why, and makes nothing
# setuid. Run against stand-ins for the tools it calls, in a scratch PATH; nothing on this machine changes.
mkdir -p "$work/bin"
for t in getent addgroup adduser dpkg-statoverride chown chmod deb-systemd-helper deb-systemd-invoke systemctl \
         systemd-tmpfiles dpkg-maintscript-helper; do
    printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 0\n' "$t" "$work/calls" >"$work/bin/$t"
done
printf '#!/bin/sh\necho "setcap $*" >>"%s"\necho "Failed to set capabilities on file" >&2\nexit 1\n' "$work/calls" >"$work/bin/setcap"
chmod +x "$work/bin"/*
out=$(PATH="$work/bin:/usr/bin:/bin" DPKG_ROOT=/nonexistent sh "$postinst" configure "" 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q "never made setuid" <<<"$out" && grep -q "dpkg --configure aoesan" <<<"$out" &&
   ! grep -qE 'chmod [ug]\+s|chmod [0-7]*[4-7][0-7]{3}' "$work/calls"; then
    pass "setcap failing stops postinst ($rc) with the fix"
else
    fail "setcap failing: postinst exit $rc, output: $out"
fi

# lintian, as Debian runs it, with the package's overrides (each says why).
lintian_out=$(lintian --pedantic --info --fail-on error,warning "$deb" 2>&1 | grep -v 'running with root privileges'); rc=$?
echo "$lintian_out" | sed 's/^/  lintian: /'
lintian --pedantic --fail-on error,warning "$deb" >/dev/null 2>&1 && pass "lintian: no error, no warning" ||
    fail "lintian reports errors or warnings (above)"

for d in "$work"/root/usr/share/applications/*.desktop "$work"/root/etc/xdg/autostart/*.desktop; do
    msg=$(desktop-file-validate "$d" 2>&1)
    [ -z "$msg" ] && pass "desktop-file-validate $(basename "$d")" || fail "desktop-file-validate $(basename "$d"): $msg"
done
msg=$(appstreamcli validate --no-net --pedantic "$work"/root/usr/share/metainfo/io.github.aoesan.metainfo.xml 2>&1) &&
    pass "appstreamcli validate" || fail "appstreamcli validate: $msg"
for page in "$work"/root/usr/share/man/man*/*.gz; do
    msg=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [ -z "$msg" ] && pass "man --warnings $(basename "$page")" || fail "man --warnings $(basename "$page"): $msg"
done

echo "$(du -k "$deb" | cut -f1) KiB package, Installed-Size $(field Installed-Size) KiB"
[ $failures -eq 0 ] && echo "All package checks passed." || echo "$failures package check(s) failed."
[ $failures -eq 0 ]
