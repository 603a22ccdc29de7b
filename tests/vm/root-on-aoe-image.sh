#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# root-on-aoe-image.sh - the disk of tst_root_on_aoe_vm (issue [10]): a Debian 12 root on the first (and
# only) partition of an msdos-labelled image, to be served as an AoE target and booted with no disk of its
# own. Built with mmdebstrap (Debian's kernel, initramfs-tools, iproute2; no systemd: a small PID 1,
# rootaoe-init below, keeps the image small and the TCG boot short) with aoesan's initramfs-tools hook and
# local-top script installed where the package puts them, so the kernel package's own update-initramfs
# builds the initrd with them. The initrd holds only what a virtio NIC and ext4 need (MODULES=list) plus
# what the hook adds (aoe.ko, ip).
#
# Cached: CACHE/KEY/{disk.img,vmlinuz,initrd.img,ready}, KEY a hash of the package list, the mirrors, this
# script, the hook and the script, so a change to any of them builds a new image.
#
# Usage: root-on-aoe-image.sh CACHE_DIR HOOK LOCAL_TOP_SCRIPT   prints the entry's directory on stdout
# Exit status: 0 ready; 1 build failed; 2 usage.
set -euo pipefail

[ $# = 3 ] || { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
CACHE=$1 HOOK=$(readlink -f "$2") SCRIPT=$(readlink -f "$3")
say() { echo "root-on-aoe-image: $*" >&2; }
[ -r "$HOOK" ] && [ -r "$SCRIPT" ] || { say "cannot read $HOOK or $SCRIPT"; exit 2; }

SUITE=bookworm
SOURCES=("deb http://deb.debian.org/debian bookworm main"
         "deb http://deb.debian.org/debian bookworm-updates main"
         "deb http://deb.debian.org/debian-security bookworm-security main")
PACKAGES=(linux-image-amd64 initramfs-tools kmod iproute2 e2fsprogs mount)
PART_START=2048 # sectors: the partition starts at 1 MiB, as fdisk puts it

KEY=$( { printf '%s\n' "$SUITE" "${SOURCES[@]}" "${PACKAGES[@]}"; cat "$0" "$HOOK" "$SCRIPT"; } | sha256sum | cut -c1-16)
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
ENTRY=$CACHE/$KEY
if [ -f "$ENTRY/ready" ]; then
    say "cached: $ENTRY"
    echo "$ENTRY"
    exit 0
fi

remove_build() { # DIR: unmount what mmdebstrap left mounted in it (killed), never cross file systems
    local m
    for m in $(awk -v w="$1/" 'index($2, w) == 1 { print $2 }' /proc/self/mounts | sort -r); do
        umount -l "$m" 2>/dev/null
    done
    rm -rf --one-file-system "$1"
}
find "$CACHE" -mindepth 1 -maxdepth 1 -type d -name '.build-*' -mmin +120 -print0 |
    while IFS= read -r -d '' old; do remove_build "$old"; done
WORK=$(mktemp -d "$CACHE/.build-XXXXXX")
trap 'remove_build "$WORK"' EXIT
trap 'exit 130' INT TERM HUP
ROOT=$WORK/root
say "building $ENTRY"
start=$SECONDS

# Before the kernel's package runs update-initramfs: a small initrd, and aoesan's hook and script in it;
# FSTYPE and the fstab, so that initramfs-tools' fsck hook puts e2fsck in (it cannot probe a root that is
# not there at build time) and the root is checked at each boot (_netdev: the root needs the network).
ESSENTIAL_HOOK="mkdir -p \"\$1/etc/initramfs-tools/conf.d\" \"\$1/usr/share/initramfs-tools/modules.d\" \
 \"\$1/usr/share/initramfs-tools/hooks\" \"\$1/usr/share/initramfs-tools/scripts/local-top\" &&
    printf 'MODULES=list\nFSTYPE=ext4\n' >\"\$1/etc/initramfs-tools/conf.d/rootaoe\" &&
    printf 'virtio_pci\nvirtio_net\next4\n' >\"\$1/usr/share/initramfs-tools/modules.d/rootaoe\" &&
    printf '/dev/etherd/e0.1p1\t/\text4\tro,_netdev,errors=remount-ro\t0\t1\n' >\"\$1/etc/fstab\" &&
    install -m 0755 '$HOOK' \"\$1/usr/share/initramfs-tools/hooks/aoesan\" &&
    install -m 0755 '$SCRIPT' \"\$1/usr/share/initramfs-tools/scripts/local-top/aoesan\""
# No documentation, and none of the kernel's modules for hardware a virtio guest does not have: the
# image stays near 300 MiB of files.
EXCLUDES=()
for d in drivers/gpu drivers/media drivers/net/wireless drivers/infiniband drivers/staging drivers/usb \
         drivers/bluetooth drivers/iio drivers/hid drivers/input drivers/scsi drivers/isdn drivers/net/ethernet \
         drivers/mmc drivers/mtd drivers/hwmon drivers/platform sound net/wireless net/mac80211 net/bluetooth fs/ocfs2 \
         fs/btrfs fs/xfs fs/nls; do
    EXCLUDES+=("--dpkgopt=path-exclude=/usr/lib/modules/*/kernel/$d/*" "--dpkgopt=path-exclude=/lib/modules/*/kernel/$d/*")
done
mmdebstrap --mode=root --variant=apt --format=directory -q \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    "${EXCLUDES[@]}" \
    --essential-hook="$ESSENTIAL_HOOK" --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    "$SUITE" "$ROOT" "${SOURCES[@]}" >&2 || { say "mmdebstrap failed"; exit 1; }
say "mmdebstrap: $((SECONDS - start)) s"

echo rootaoe >"$ROOT/etc/hostname"
echo "$KEY$KEY" >"$ROOT/etc/machine-id"

# PID 1 of the test: on the first boot it writes the token of the kernel command line (rootaoe.token=)
# and reboots; on the next it prints what it finds and powers off. The root is remounted read-only
# first, so the journal is committed and the file system left clean for the host's e2fsck -fn.
cat >"$ROOT/usr/local/sbin/rootaoe-init" <<'EOF'
#!/bin/bash
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
say() { echo "ROOTAOE $*" >/dev/console; }
mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sys /sys
mountpoint -q /dev || mount -t devtmpfs dev /dev
read -r up _ </proc/uptime
src=''
while read -r dev mnt _; do [ "$mnt" = / ] && src=$dev; done </proc/mounts
token=''
for x in $(cat /proc/cmdline); do case $x in rootaoe.token=*) token=${x#*=} ;; esac; done
say "init uptime=$up arg=$token root=$src state=$(cat /sys/block/etherd!e0.1/state 2>/dev/null) netif=$(cat /sys/block/etherd!e0.1/netif 2>/dev/null)"
end() { # sysrq letter: b reboot, o power off
    sync
    mount -o remount,ro / || say "remount-ro FAILED"
    say "$2"
    echo 1 >/proc/sys/kernel/sysrq
    echo "$1" >/proc/sysrq-trigger
    sleep 30
}
if ! mount -o remount,rw /; then
    say "remount-rw FAILED"
    end o "poweroff"
fi
mkdir -p /var/lib/rootaoe
if [ -f /var/lib/rootaoe/token ]; then
    say "found token=$(cat /var/lib/rootaoe/token)"
    echo "second boot, uptime $up" >/var/lib/rootaoe/second
    end o "poweroff"
else
    echo "$token" >/var/lib/rootaoe/token
    say "wrote token=$token"
    end b "reboot"
fi
EOF
chmod 0755 "$ROOT/usr/local/sbin/rootaoe-init"

kernel=$(ls -1 "$ROOT"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$ROOT/boot/initrd.img-${kernel##*/vmlinuz-}
[ -r "$initrd" ] || { say "no initrd for $kernel"; exit 1; }
mkdir -p "$WORK/entry"
cp "$kernel" "$WORK/entry/vmlinuz"
cp "$initrd" "$WORK/entry/initrd.img"
chroot "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' >"$WORK/entry/versions"

le32() { # N: four bytes, little-endian, as printf escapes
    printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}
# An msdos label with one active Linux partition (type 0x83): disk signature, the entry (CHS fields set to
# "beyond CHS", as for any disk over 8 GB), 0x55AA. Written by hand: fdisk/sfdisk are not on every host.
write_mbr() { # IMAGE START_SECTOR SECTORS
    printf "$(le32 0x0a0e5a01)\\x00\\x00" | dd of="$1" bs=1 seek=440 conv=notrunc status=none
    printf "\\x80\\xfe\\xff\\xff\\x83\\xfe\\xff\\xff$(le32 "$2")$(le32 "$3")" |
        dd of="$1" bs=1 seek=446 conv=notrunc status=none
    printf '\x55\xaa' | dd of="$1" bs=1 seek=510 conv=notrunc status=none
}

# The disk: an msdos label, one Linux partition from 1 MiB to the end, ext4 made from the directory
# straight into it (mke2fs -E offset; no loop device).
used=$(du -sm "$ROOT" | cut -f1)
part_mb=$((used + 128))
truncate -s $((part_mb + 1))M "$WORK/entry/disk.img"
write_mbr "$WORK/entry/disk.img" "$PART_START" $((part_mb * 2048))
# No 64bit feature: extlinux must read the file system (it does not need 64-bit block numbers at this size).
mke2fs -q -t ext4 -b 4096 -O ^64bit -L rootaoe -d "$ROOT" -E offset=$((PART_START * 512)) -F "$WORK/entry/disk.img" \
    "${part_mb}M" >&2

# extlinux in the partition and syslinux's MBR code, for a boot through iPXE's sanboot aoe:e0.1 (the
# export's own boot loader loads Debian's kernel and initrd over AoE). Optional: without extlinux on the
# host (extlinux, syslinux-common) or a loop device the image has none and the test says so.
if command -v extlinux >/dev/null && [ -r /usr/lib/syslinux/mbr/mbr.bin ] &&
    loop=$(losetup --find --show --offset $((PART_START * 512)) --sizelimit $((part_mb << 20)) \
        "$WORK/entry/disk.img" 2>/dev/null); then
    mkdir -p "$WORK/mnt"
    if mount "$loop" "$WORK/mnt"; then
        version=${kernel##*/vmlinuz-}
        # mke2fs -d keeps the zero blocks of a file as holes, and extlinux fails on a sparse kernel ("I/O
        # error"): the boot files are written again, whole.
        for f in "$WORK/mnt/boot/vmlinuz-$version" "$WORK/mnt/boot/initrd.img-$version"; do
            cp --sparse=never "$f" "$f.new" && mv "$f.new" "$f"
        done
        mkdir -p "$WORK/mnt/boot/extlinux"
        cat >"$WORK/mnt/boot/extlinux/extlinux.conf" <<EOF
SERIAL 0 115200
DEFAULT debian
PROMPT 0
TIMEOUT 0
LABEL debian
    LINUX /boot/vmlinuz-$version
    INITRD /boot/initrd.img-$version
    APPEND root=/dev/etherd/e0.1p1 aoe=eth0 ro console=ttyS0 net.ifnames=0 loglevel=4 init=/usr/local/sbin/rootaoe-init rootaoe.token=extlinux
EOF
        extlinux --install "$WORK/mnt/boot/extlinux" >&2 && touch "$WORK/entry/extlinux"
        umount "$WORK/mnt"
    fi
    losetup -d "$loop"
    dd if=/usr/lib/syslinux/mbr/mbr.bin of="$WORK/entry/disk.img" bs=440 count=1 conv=notrunc status=none
fi
[ -f "$WORK/entry/extlinux" ] || say "no extlinux in the image (extlinux, syslinux-common or a loop device missing)"
touch "$WORK/entry/ready"

find "$CACHE" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended -regex '.*/[0-9a-f]{16}' -exec rm -rf {} +
mv "$WORK/entry" "$ENTRY"
say "built $ENTRY in $((SECONDS - start)) s ($used MiB of files, ${part_mb} MiB partition)"
echo "$ENTRY"
