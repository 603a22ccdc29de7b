// SPDX-License-Identifier: GPL-3.0-or-later
// Disks and partitions as values: what the export wizard lists and what the safety check judges
// (size, model, filesystem, mounts, holders, swap). A BlockDeviceBackend produces them: the system one
// reads sysfs, /proc and udev/blkid; a fixture one reads a directory tree, so tests need no disks.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

#include "util/Result.h"

namespace aoesan::platform {

enum class BlockDeviceKind : std::uint8_t {
    Disk, // a whole disk (sda, nvme0n1, vda, mmcblk0)
    Partition, // a partition of a disk (sda1)
    Loop, // a loop device (loop0) and its partitions' parent
    Mapper, // device-mapper: LVM volumes, dm-crypt, multipath (dm-0)
    Raid, // Linux software RAID (md0)
    Other, // zram, ram disks, ...
};

QString kindName(BlockDeviceKind kind);

struct BlockDevice
{
    QString name; // the kernel's name: sda1, nvme0n1p2, dm-0
    QString path; // /dev/<name>
    BlockDeviceKind kind = BlockDeviceKind::Other;
    QString parent; // for a partition: the whole device it is on; empty otherwise
    QString majorMinor; // "8:1"
    std::uint64_t sizeBytes = 0;
    QString model;
    QString vendor;
    QString serial;
    QString fsType; // ext4, xfs, swap, LVM2_member, linux_raid_member, crypto_LUKS, ...
    QString label;
    QString uuid;
    QString mapperName; // for device-mapper: the name under /dev/mapper (vg-root)
    QStringList mountPoints; // where it is mounted, from mountinfo
    QStringList holders; // devices built on this one: dm-0 (LVM, dm-crypt), md0 (RAID)
    QStringList slaves; // devices this one is built on (for dm and md devices)
    bool swap = false; // in use as swap (/proc/swaps)
    bool removable = false;
    bool readOnly = false;

    bool isMounted() const { return !mountPoints.isEmpty(); }
    bool operator==(const BlockDevice &) const = default;
};

class BlockDeviceBackend
{
public:
    virtual ~BlockDeviceBackend() = default;
    // Every block device the system has, disks before their partitions.
    virtual Result<std::vector<BlockDevice>, QString> scan() const = 0;
};

const BlockDevice *findDevice(const std::vector<BlockDevice> &devices, const QString &name);

// The device a path names: /dev/sda1, /dev/mapper/vg-root, or a symlink such as
// /dev/disk/by-id/... when it exists on this machine. nullptr when it is none of them.
const BlockDevice *deviceForPath(const std::vector<BlockDevice> &devices, const QString &path);

// The device mounted at "/", if the mount table names one.
const BlockDevice *rootDevice(const std::vector<BlockDevice> &devices);

// Every device that carries `name`: itself, what it is built on (slaves, recursively) and the whole
// disks of those partitions. For "/" on an LVM volume that is dm-0, sda2 and sda.
QStringList devicesUnderneath(const std::vector<BlockDevice> &devices, const QString &name);

// The partitions of a whole device.
std::vector<const BlockDevice *> partitionsOf(const std::vector<BlockDevice> &devices, const QString &disk);

// Whether a name read from sysfs is only a bus id ("0x1af4", the PCI vendor a virtio disk reports),
// which says nothing to a person and is never shown as a vendor or model.
bool isBareId(const QString &text);

// Fills a model and vendor still missing from the hardware database's names of the device's bus
// parent (udev's ID_MODEL_FROM_DATABASE / ID_VENDOR_FROM_DATABASE: "Virtio 1.0 block device").
void nameFromDatabase(BlockDevice &device, const QString &vendor, const QString &model);

// "1.0 TB" style size for people: decimal units, as disk vendors and the wizard show them.
QString formatSize(std::uint64_t bytes);

} // namespace aoesan::platform
