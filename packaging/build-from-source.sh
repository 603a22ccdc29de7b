#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 machine to build aoesan, builds it into ./build, and then runs what was asked:
#   packaging/build-from-source.sh --run     start the desktop program
#   packaging/build-from-source.sh --test    run the whole test suite (root runs the namespace tests too)
#   packaging/build-from-source.sh           just build
# Package installation is idempotent and quiet when everything is already there.
# Environment: BUILD_DIR (default ./build), CMAKE_ARGS (extra configure arguments), CTEST_ARGS.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
mode=build
case "${1:-}" in
    --run) mode=run; shift ;;
    --test) mode=test; shift ;;
    "") ;;
    -h|--help) sed -n 3,8p "$0"; exit 0 ;;
    *) echo "build-from-source.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

build_packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
                qt6-l10n-tools libqt6svg6 libpcap-dev libspdlog-dev libfmt-dev libudev-dev libblkid-dev
                qt6-translations-l10n
                dbus-daemon) # the GUI starts a private bus for its own aoesan-service when none is reachable
# Real peers and tools the tests run against, in network namespaces they create; and what checks the
# service's units, polkit and D-Bus files and runs its private test bus (tests/packaging, tests/support/dbus).
test_packages=(iproute2 vblade aoetools tcpdump tshark strace xvfb xauth trayer xdotool x11-utils imagemagick
               e2fsprogs mount util-linux libcap2-bin clang-format
               qemu-system-x86 linux-image-amd64 busybox-static cpio
               systemd dbus-system-bus-common dbus-daemon dbus-bin python3-dbus python3-dbusmock libxml2-utils
               polkitd nodejs
               groff-base man-db bash-completion) # the man pages' warnings (lintian's check), the completion

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "Installing: ${missing[*]}"
    # tshark asks whether non-root users may capture; answer "no" so the install never waits for a person.
    echo 'wireshark-common wireshark-common/install-setuid boolean false' | "${sudo[@]}" debconf-set-selections
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null || {
        "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
    }
}

install_packages "${build_packages[@]}"
[ "$mode" = test ] && install_packages "${test_packages[@]}"

# shellcheck disable=SC2086
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir"

case $mode in
    run) exec "$build_dir/app/aoesan" "$@" ;;
    # Benchmarks print figures and take minutes: run them on purpose with `ctest -L bench`.
    # shellcheck disable=SC2086
    test) set -o pipefail
          ctest --test-dir "$build_dir" --output-on-failure ${CTEST_ARGS:--LE bench} "$@" | tee "$build_dir/ctest-output.log"
          # A test that skipped did not run. As root every package and privilege a test needs is here (installed
          # above), so a skip is a failure; an ordinary user's run lists them (the namespace tests need root).
          exec "$here/packaging/check-skips.sh" "$build_dir/Testing/Temporary/LastTest.log" "$build_dir/ctest-output.log" ;;
    *) echo "Built into $build_dir" ;;
esac
