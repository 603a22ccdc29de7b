#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 machine to build aoesan, builds it into ./build, and then runs what was asked:
#   packaging/build-from-source.sh --run     install the package (where systemd runs) and start the program
#   packaging/build-from-source.sh --deb     build the Debian package build/aoesan_VERSION_ARCH.deb
#   packaging/build-from-source.sh --test    build the package and run the whole test suite (root runs the
#                                            namespace and VM tests too)
#   packaging/build-from-source.sh           just build
# Package installation is idempotent and quiet when everything is already there.
# Environment: BUILD_DIR (default ./build), CMAKE_ARGS (extra configure arguments), CTEST_ARGS,
# AOESAN_TEST_DEB=0 (--test without building the package).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
mode=build
case "${1:-}" in
    --run) mode=run; shift ;;
    --test) mode=test; shift ;;
    --deb) mode=deb; shift ;;
    "") ;;
    -h|--help) sed -n 3,10p "$0"; exit 0 ;;
    *) echo "build-from-source.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

build_packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
                qt6-l10n-tools libqt6svg6 libpcap-dev libspdlog-dev libfmt-dev libudev-dev libblkid-dev
                qt6-translations-l10n
                dbus-daemon) # the GUI starts a private bus for its own aoesan-service when none is reachable
# What turns the build tree into a .deb (packaging/debian: a binary-only dpkg-buildpackage).
deb_packages=(debhelper dpkg-dev)
# Real peers and tools the tests run against, in network namespaces they create; what checks the service's
# units, polkit and D-Bus files and runs its private test bus (tests/packaging, tests/support/dbus);
# desktop-file-validate and appstreamcli check the desktop entries and the metainfo (tst_desktop_files);
# what builds the Debian 12 VM of tst_package_vm and checks the .deb (tests/vm/package-vm-test.sh).
test_packages=(iproute2 vblade aoetools tcpdump tshark strace xvfb xauth trayer xdotool x11-utils imagemagick
               e2fsprogs mount util-linux libcap2-bin clang-format
               libfuse3-dev fuse3 # the disk-fault test's EIO file (tests/support/failingfile)
               qemu-system-x86 linux-image-amd64 busybox-static cpio kmod
               mmdebstrap lintian
               systemd dbus-system-bus-common dbus-daemon dbus-bin python3-dbus python3-dbusmock libxml2-utils
               polkitd nodejs desktop-file-utils appstream
               groff-base man-db bash-completion # the man pages' warnings (lintian's check), the completion
               ipxe nasm dnsmasq-base extlinux syslinux-common parted dosfstools) # network boot (issue [10])

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=("${sudo_cmd[@]}")
    echo "Installing: ${missing[*]}"
    # tshark asks whether non-root users may capture; answer "no" so the install never waits for a person.
    echo 'wireshark-common wireshark-common/install-setuid boolean false' | "${sudo[@]}" debconf-set-selections
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null || {
        "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
    }
}

# systemd is PID 1 and a system bus runs: a desktop or server that can run the system service.
systemd_runs() { [ -d /run/systemd/system ] && [ -S /run/dbus/system_bus_socket ]; }

# The package, from the tree just built: BUILD_DIR/package/debian is a copy of packaging/debian, whose rules
# install BUILD_DIR (configured with the prefix /usr) and leave aoesan_VERSION_ARCH.deb in BUILD_DIR.
build_deb() {
    install_packages "${deb_packages[@]}"
    rm -rf "$build_dir/package" "$build_dir"/aoesan_*.deb "$build_dir"/aoesan_*.changes "$build_dir"/aoesan_*.buildinfo
    mkdir -p "$build_dir/package"
    cp -r "$here/packaging/debian" "$build_dir/package/debian"
    # libfuse3-dev builds only a test fixture (Build-Depends <!nocheck>): a package built to be installed
    # rather than tested does not need it.
    local profile=()
    [ "$mode" = test ] || profile=(-Pnocheck)
    (cd "$build_dir/package" && AOESAN_SOURCE_DIR="$here" AOESAN_BUILD_DIR="$build_dir" \
        dpkg-buildpackage --build=binary --no-sign "${profile[@]}" >"$build_dir/package.log" 2>&1) || {
        tail -40 "$build_dir/package.log" >&2
        echo "build-from-source.sh: the package did not build (whole log: $build_dir/package.log)" >&2
        exit 1
    }
    deb=$(ls "$build_dir"/aoesan_*_"$(dpkg --print-architecture)".deb)
    echo "Built $deb"
}

install_packages "${build_packages[@]}"
[ "$mode" = test ] && install_packages "${test_packages[@]}"

# The prefix /usr: the programs look for each other where the package puts them (libexec/aoesan).
# shellcheck disable=SC2086
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir"

case $mode in
    run) if systemd_runs; then
             # Install it as a person would, then start the program as the person who ran this.
             build_deb
             echo "Installing $deb with apt-get (it asks for your password if you are not root)"
             "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall \
                 -o DPkg::Lock::Timeout=600 "$deb"
             [ "$(id -u)" -eq 0 ] || id -nG | tr ' ' '\n' | grep -qx aoesan ||
                 echo "To manage exports without a password: sudo usermod -aG aoesan $(id -un), then log in again."
             # AOESAN_INSTALLED_PROGRAM: a stand-in for tst_run_command, which cannot install the package here.
             exec "${AOESAN_INSTALLED_PROGRAM:-/usr/bin/aoesan}" "$@"
         fi
         # No systemd (a container): the build tree's program, with a private service of its own.
         exec "$build_dir/app/aoesan" "$@" ;;
    deb) build_deb ;;
    # Benchmarks print figures and take minutes: run them on purpose with `ctest -L bench`.
    # shellcheck disable=SC2086
    test) set -o pipefail
          # The package tests (lintian, the VM test) check what it holds; AOESAN_TEST_DEB=0 skips it for a
          # build that is not the one to ship (CI's sanitizer build).
          [ "${AOESAN_TEST_DEB:-1}" = 0 ] || build_deb
          ctest --test-dir "$build_dir" --output-on-failure ${CTEST_ARGS:--LE bench} "$@" | tee "$build_dir/ctest-output.log"
          # A test that skipped did not run. As root every package and privilege a test needs is here (installed
          # above), so a skip is a failure; an ordinary user's run lists them (the namespace tests need root).
          exec "$here/packaging/check-skips.sh" "$build_dir/Testing/Temporary/LastTest.log" "$build_dir/ctest-output.log" ;;
    *) echo "Built into $build_dir" ;;
esac
