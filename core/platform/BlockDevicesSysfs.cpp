// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/BlockDevicesSysfs.h"

#include <QDir>
#include <QFile>

#include "platform/MountTable.h"

namespace aoesan::platform {

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
}

BlockDeviceKind kindOf(const QString &name)
{
    if (name.startsWith(QLatin1String("loop")))
        return BlockDeviceKind::Loop;
    if (name.startsWith(QLatin1String("dm-")))
        return BlockDeviceKind::Mapper;
    if (name.startsWith(QLatin1String("md")))
        return BlockDeviceKind::Raid;
    if (name.startsWith(QLatin1String("zram")) || name.startsWith(QLatin1String("ram")))
        return BlockDeviceKind::Other;
    return BlockDeviceKind::Disk;
}

// The device a mount-table or swap path names, by kernel name or device-mapper name.
BlockDevice *byPath(std::vector<BlockDevice> &devices, const QString &path)
{
    return const_cast<BlockDevice *>(deviceForPath(devices, path));
}

} // namespace

SysfsBlockDevices::SysfsBlockDevices(QString root)
    : m_root(std::move(root))
{ }

void SysfsBlockDevices::describe(BlockDevice &) const
{ }

BlockDevice SysfsBlockDevices::readDevice(
    const QString &directory, const QString &name, const BlockDevice *parent) const
{
    const auto file = [&directory](const char *relative) {
        return readText(directory + QLatin1Char('/') + QLatin1String(relative));
    };
    BlockDevice d;
    d.name = name;
    d.path = QStringLiteral("/dev/") + name;
    d.kind = parent ? BlockDeviceKind::Partition : kindOf(name);
    d.parent = parent ? parent->name : QString();
    d.majorMinor = file("dev");
    // sysfs counts 512-byte sectors whatever the device's logical block size.
    d.sizeBytes = file("size").toULongLong() * 512U;
    d.readOnly = file("ro") == QLatin1String("1");
    d.removable = parent ? parent->removable : file("removable") == QLatin1String("1");
    const QString deviceDir = parent ? directory + QStringLiteral("/..") : directory;
    // A virtio disk's "vendor" is its PCI id (0x1af4): udev's names are better, and nothing is better
    // than a number.
    const auto named = [&deviceDir](const char *relative) {
        const QString text = readText(deviceDir + QLatin1String(relative));
        return isBareId(text) ? QString() : text;
    };
    d.model = named("/device/model");
    d.vendor = named("/device/vendor");
    d.serial = readText(deviceDir + QStringLiteral("/device/serial"));
    d.mapperName = file("dm/name");
    d.holders = entriesOf(directory + QStringLiteral("/holders"));
    d.slaves = entriesOf(directory + QStringLiteral("/slaves"));
    return d;
}

Result<std::vector<BlockDevice>, QString> SysfsBlockDevices::scan() const
{
    const QDir root(m_root);
    const QString blockDir = root.filePath(QStringLiteral("sys/block"));
    if (!QDir(blockDir).exists())
        return Unexpected(QStringLiteral("%1 does not exist; is sysfs mounted?").arg(blockDir));
    std::vector<BlockDevice> devices;
    for (const QString &name : QDir(blockDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString directory = blockDir + QLatin1Char('/') + name;
        devices.push_back(readDevice(directory, name, nullptr));
        const BlockDevice disk = devices.back();
        // A partition is a subdirectory of its disk's directory with a "partition" file.
        for (const QString &sub : QDir(directory).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString partDir = directory + QLatin1Char('/') + sub;
            if (QFile::exists(partDir + QStringLiteral("/partition")))
                devices.push_back(readDevice(partDir, sub, &disk));
        }
    }
    applyMounts(devices);
    applySwaps(devices);
    for (auto &d : devices)
        describe(d);
    return devices;
}

void SysfsBlockDevices::applyMounts(std::vector<BlockDevice> &devices) const
{
    const QDir root(m_root);
    // Our own mount namespace, and init's when we may read it: a disk mounted on the host is in use
    // even when this process runs in a private mount namespace.
    std::vector<MountEntry> mounts;
    for (const char *table : {"proc/self/mountinfo", "proc/1/mountinfo"}) {
        const auto entries = parseMountInfo(readText(root.filePath(QString::fromLatin1(table))));
        mounts.insert(mounts.end(), entries.begin(), entries.end());
    }
    for (const auto &m : mounts) {
        BlockDevice *device = nullptr;
        for (auto &d : devices) {
            if (!d.majorMinor.isEmpty() && d.majorMinor == m.majorMinor) {
                device = &d;
                break;
            }
        }
        // btrfs reports an anonymous device number; its source still names the device.
        if (!device)
            device = byPath(devices, m.source);
        if (device && !device->mountPoints.contains(m.mountPoint))
            device->mountPoints << m.mountPoint;
    }
}

void SysfsBlockDevices::applySwaps(std::vector<BlockDevice> &devices) const
{
    for (const QString &name : parseSwaps(readText(QDir(m_root).filePath(QStringLiteral("proc/swaps"))))) {
        // A swap file is not a device; the filesystem that holds it is mounted, which says enough.
        if (BlockDevice *device = byPath(devices, name))
            device->swap = true;
    }
}

} // namespace aoesan::platform
