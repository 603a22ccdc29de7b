#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# debian-vm-root.sh - a minimal Debian 12 (bookworm) system that boots under qemu with systemd as PID 1,
# for installing a built aoesan .deb in (package-vm-test.sh). Built with mmdebstrap from the Debian mirror
# (bookworm, bookworm-updates, bookworm-security, as the host that built the package), with systemd, dbus,
# udev, polkitd, Debian's kernel and the package's dependencies already installed, so that the package
# installs offline. Cached: CACHE/KEY/{root.img,vmlinuz,initrd.img,packages}, KEY a hash of the package
# list, the mirrors and this script, so a rerun reuses it and any change here builds a new one.
#
# The image boots with eth0 up and no address (systemd-networkd, nothing to wait for) and with
# aoevm-driver.service: at boot it mounts the disk labelled AOEVMDATA read-only and runs its
# guest.sh as root, so the cached image holds no test logic.
#
# Usage: debian-vm-root.sh CACHE_DIR DEB     prints the entry's directory on stdout
# Exit status: 0 ready; 1 build failed; 2 usage; 77 not root or mmdebstrap/mke2fs missing.
set -euo pipefail

[ $# = 2 ] || { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
CACHE=$1 DEB=$2
say() { echo "debian-vm-root: $*" >&2; }
[ "$(id -u)" = 0 ] || { say "needs root (mmdebstrap's root mode keeps owners and modes)"; exit 77; }
for t in mmdebstrap mke2fs dpkg-deb systemctl; do
    command -v "$t" >/dev/null || { say "$t not found (apt-get install mmdebstrap e2fsprogs systemd)"; exit 77; }
done
[ -r "$DEB" ] || { say "cannot read $DEB"; exit 2; }

SUITE=bookworm
SOURCES=("deb http://deb.debian.org/debian bookworm main"
         "deb http://deb.debian.org/debian bookworm-updates main"
         "deb http://deb.debian.org/debian-security bookworm-security main")
# The system: systemd as init, the buses and polkit the service needs, the kernel we boot (its initrd
# finds the virtio disk), getcap, useradd, ip (for the log). aoetools is not needed inside.
# dnsmasq-base and ipxe: what the package recommends for an export's network boot server (aoesan-boot@.service).
BASE=(systemd systemd-sysv dbus udev polkitd linux-image-amd64 libcap2-bin passwd iproute2 kmod dnsmasq-base ipxe)

# The package's Depends and Pre-Depends: the first of each alternative, without versions or arch qualifiers.
package_depends() {
    local f
    for f in Depends Pre-Depends; do dpkg-deb -f "$DEB" "$f"; done | tr ',' '\n' |
        sed -e 's/|.*//' -e 's/([^)]*)//g' -e 's/\[[^]]*\]//g' -e 's/<[^>]*>//g' -e 's/:any//' -e 's/[[:space:]]//g' |
        grep -v -e '^$' -e "^$(dpkg-deb -f "$DEB" Package)\$" || true
}
mapfile -t PACKAGES < <({ printf '%s\n' "${BASE[@]}"; package_depends; } | sort -u)

KEY=$( { printf '%s\n' "$SUITE" "${SOURCES[@]}" "${PACKAGES[@]}"; cat "$0"; } | sha256sum | cut -c1-16)
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
ENTRY=$CACHE/$KEY
if [ -f "$ENTRY/ready" ]; then
    say "cached: $ENTRY"
    echo "$ENTRY"
    exit 0
fi

# mmdebstrap's root mode mounts /proc, /sys and /dev inside the root while it works: if it is killed,
# those must be unmounted before anything is deleted, and rm never crosses into another file system.
remove_build() { # DIR
    local m
    for m in $(awk -v w="$1/" 'index($2, w) == 1 { print $2 }' /proc/self/mounts | sort -r); do
        umount -l "$m" 2>/dev/null
    done
    rm -rf --one-file-system "$1"
}
# Builds of killed runs (SIGKILL leaves no trap): older than two hours, no build is still at work in them.
find "$CACHE" -mindepth 1 -maxdepth 1 -type d -name '.build-*' -mmin +120 -print0 |
    while IFS= read -r -d '' old; do remove_build "$old"; done
WORK=$(mktemp -d "$CACHE/.build-XXXXXX")
cleanup() { remove_build "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
ROOT=$WORK/root
say "building $ENTRY (${#PACKAGES[@]} packages: ${PACKAGES[*]})"
start=$SECONDS
# A small initrd (a few MiB, not 36): the virtio disk and ext4 are all it must find. Set before the kernel's
# package makes it; initramfs-tools resolves the modules' own dependencies.
INITRAMFS_HOOK='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d" &&
    echo MODULES=list >"$1/etc/initramfs-tools/conf.d/aoevm" &&
    printf "virtio_pci\nvirtio_blk\next4\n" >"$1/usr/share/initramfs-tools/modules.d/aoevm"'
# No man pages, translations or documentation: smaller and faster; the package's own files still count
# as installed (dpkg -L lists them) for the purge check.
mmdebstrap --mode=root --variant=apt --format=directory -q \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --essential-hook="$INITRAMFS_HOOK" --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    "$SUITE" "$ROOT" "${SOURCES[@]}" >&2 || { say "mmdebstrap failed"; exit 1; }
say "mmdebstrap: $((SECONDS - start)) s"

# Identity and file systems. A machine id makes this not a "first boot" (no systemd-firstboot questions).
echo aoevm >"$ROOT/etc/hostname"
printf '127.0.1.1\taoevm\n' >>"$ROOT/etc/hosts"
echo "$KEY$KEY" >"$ROOT/etc/machine-id"
printf '/dev/vda\t/\text4\trw,errors=remount-ro\t0\t1\n' >"$ROOT/etc/fstab"

# eth0 (net.ifnames=0 on the kernel command line) up at every boot with no address, so an autostart
# export is served with no one logged in; nothing is sent but what aoesan sends.
mkdir -p "$ROOT/etc/systemd/network"
cat >"$ROOT/etc/systemd/network/10-eth0.network" <<'EOF'
[Match]
Name=eth0
[Link]
RequiredForOnline=no
[Network]
DHCP=no
LinkLocalAddressing=no
IPv6AcceptRA=no
EOF
systemctl --root="$ROOT" -q enable systemd-networkd.service
# Timers and waits a test boot does not want (network-online.target is reached at once).
systemctl --root="$ROOT" -q mask systemd-networkd-wait-online.service systemd-firstboot.service \
    apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer dpkg-db-backup.timer 2>/dev/null || true

# The driver: the test's own script comes on the data disk.
cat >"$ROOT/usr/local/sbin/aoevm-driver" <<'EOF'
#!/bin/sh
# Runs the guest half of package-vm-test.sh from the disk labelled AOEVMDATA, if there is one.
set -e
dev=/dev/disk/by-label/AOEVMDATA
udevadm settle -t 30 || true
[ -e "$dev" ] || { echo "aoevm-driver: no $dev" >/dev/ttyS1; exit 0; }
mkdir -p /mnt/aoevm
mountpoint -q /mnt/aoevm || mount -o ro "$dev" /mnt/aoevm
exec /bin/bash /mnt/aoevm/guest.sh
EOF
chmod 0755 "$ROOT/usr/local/sbin/aoevm-driver"
cat >"$ROOT/etc/systemd/system/aoevm-driver.service" <<'EOF'
[Unit]
Description=aoesan package test driver (package-vm-test.sh)
After=systemd-udev-settle.service local-fs.target
[Service]
# simple, not oneshot: the script waits for the end of boot (systemctl is-system-running --wait).
Type=simple
ExecStart=/usr/local/sbin/aoevm-driver
StandardOutput=journal+console
StandardError=journal+console
[Install]
WantedBy=multi-user.target
EOF
systemctl --root="$ROOT" -q enable aoevm-driver.service

kernel=$(ls -1 "$ROOT"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$ROOT/boot/initrd.img-${kernel##*/vmlinuz-}
[ -r "$initrd" ] || { say "no initrd for $kernel"; exit 1; }
mkdir -p "$WORK/entry"
cp "$kernel" "$WORK/entry/vmlinuz"
cp "$initrd" "$WORK/entry/initrd.img"
printf '%s\n' "${PACKAGES[@]}" >"$WORK/entry/packages"
chroot "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' >"$WORK/entry/versions"
# An ext4 image made from the directory (no loop device); 1 GiB of room for the test's files.
used=$(du -sm "$ROOT" | cut -f1)
mke2fs -q -t ext4 -L aoevmroot -d "$ROOT" -F "$WORK/entry/root.img" "$((used + 1024))M" >&2
touch "$WORK/entry/ready"

# Only the newest entry is kept: images are about 1 GiB of sparse file each. Only this script's entries
# (their names are keys): other tests keep their own images in subdirectories of the same cache.
find "$CACHE" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended -regex '.*/[0-9a-f]{16}' -exec rm -rf {} +
mv "$WORK/entry" "$ENTRY"
say "built $ENTRY in $((SECONDS - start)) s"
echo "$ENTRY"
