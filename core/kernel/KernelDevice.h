// SPDX-License-Identifier: GPL-3.0-or-later
// A target as the Linux aoe driver has it: one block device /dev/etherd/eX.Y with what its sysfs directory
// (/sys/block/etherd!eX.Y) says, its partitions, and who uses it (mounts, open file descriptors, device-mapper
// or RAID holders). Values only: AoeDriver reads them, the CLI, the service and the GUI show them.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace aoesan::kernel {

// Who keeps a device busy. Detaching (flushing) a device that any of these holds would take a disk away
// from under a mounted filesystem or a running program, so detach refuses and names them.
struct DeviceUsers
{
    QStringList mountPoints; // "/mnt/data (e0.1p1)"
    QStringList processes; // "1234 dd"
    QStringList holders; // device-mapper or RAID devices built on it: "dm-0"

    bool empty() const { return mountPoints.isEmpty() && processes.isEmpty() && holders.isEmpty(); }
    // "mounted at /mnt/data (e0.1p1); open by 1234 dd": for error messages and the tray.
    QString describe() const;
    bool operator==(const DeviceUsers &) const = default;
};

struct KernelPartition
{
    QString name; // e0.1p1
    QString path; // /dev/etherd/e0.1p1
    std::uint64_t sectors = 0;
    QString fsType; // from udev/blkid where it can be read; empty otherwise
    QString label;
    QStringList mountPoints;
    bool operator==(const KernelPartition &) const = default;
};

struct KernelDevice
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::optional<std::uint64_t> sectors; // sysfs `size`; the driver sets 0 when it takes a device down
    QString state; // sysfs `state`: up, down, down,closewait, up,kickme ...; empty when unreadable
    QString mac; // sysfs `mac`: the target's first MAC, 12 hex digits as the driver writes it
    QStringList interfaces; // sysfs `netif`, split at commas
    std::optional<std::uint32_t> payload; // sysfs `payload`: data bytes per frame
    QString firmware; // sysfs `firmware-version`: 0x4019
    QString majorMinor; // sysfs `dev`: 152:16
    std::vector<KernelPartition> partitions;
    DeviceUsers users; // the device's and its partitions'

    QString name() const; // e0.1
    QString sysName() const; // etherd!e0.1
    QString devicePath() const; // /dev/etherd/e0.1
    bool up() const; // state begins with "up"
    bool closewait() const; // down, but still open: the driver keeps it down until it is closed
    bool operator==(const KernelDevice &) const = default;
};

// What the driver's state words mean, for people: "down, still open: the kernel keeps it down until every
// program has closed it" for down,closewait.
QString explainState(const QString &state);

// The device name the driver uses for a shelf.slot (e7.3); parses it back (also "7.3" and "e7.3p1" → the disk).
QString deviceName(std::uint16_t shelf, std::uint8_t slot);
std::optional<std::pair<std::uint16_t, std::uint8_t>> parseDeviceName(const QString &name);

} // namespace aoesan::kernel
