// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/BlockDevices.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace aoesan::platform {

QString kindName(BlockDeviceKind kind)
{
    switch (kind) {
    case BlockDeviceKind::Disk:
        return QStringLiteral("disk");
    case BlockDeviceKind::Partition:
        return QStringLiteral("partition");
    case BlockDeviceKind::Loop:
        return QStringLiteral("loop");
    case BlockDeviceKind::Mapper:
        return QStringLiteral("device-mapper");
    case BlockDeviceKind::Raid:
        return QStringLiteral("raid");
    case BlockDeviceKind::Other:
        break;
    }
    return QStringLiteral("other");
}

const BlockDevice *findDevice(const std::vector<BlockDevice> &devices, const QString &name)
{
    const auto it = std::ranges::find(devices, name, &BlockDevice::name);
    return it == devices.end() ? nullptr : &*it;
}

const BlockDevice *deviceForPath(const std::vector<BlockDevice> &devices, const QString &path)
{
    const auto byName = [&devices](const QString &p) -> const BlockDevice * {
        if (p.startsWith(QLatin1String("/dev/mapper/"))) {
            const QString mapped = p.mid(12);
            const auto it = std::ranges::find(devices, mapped, &BlockDevice::mapperName);
            return it == devices.end() ? nullptr : &*it;
        }
        if (p.startsWith(QLatin1String("/dev/")))
            return findDevice(devices, p.mid(5));
        return nullptr;
    };
    if (const auto *direct = byName(path))
        return direct;
    // udev's symlinks (/dev/disk/by-id/..., /dev/vg/lv) resolve to the kernel name. Only absolute
    // paths: a mount source such as "tmpfs" must not be looked up in the working directory.
    if (!path.startsWith(QLatin1Char('/')))
        return nullptr;
    const QString real = QFileInfo(path).canonicalFilePath();
    return real.isEmpty() || real == path ? nullptr : byName(real);
}

const BlockDevice *rootDevice(const std::vector<BlockDevice> &devices)
{
    const auto it = std::ranges::find_if(
        devices, [](const BlockDevice &d) { return d.mountPoints.contains(QStringLiteral("/")); });
    return it == devices.end() ? nullptr : &*it;
}

QStringList devicesUnderneath(const std::vector<BlockDevice> &devices, const QString &name)
{
    QStringList out;
    std::set<QString> seen;
    QStringList pending {name};
    while (!pending.isEmpty()) {
        const QString current = pending.takeFirst();
        if (!seen.insert(current).second)
            continue;
        out << current;
        const BlockDevice *device = findDevice(devices, current);
        if (!device)
            continue;
        pending << device->slaves;
        if (!device->parent.isEmpty())
            pending << device->parent;
    }
    return out;
}

std::vector<const BlockDevice *> partitionsOf(const std::vector<BlockDevice> &devices, const QString &disk)
{
    std::vector<const BlockDevice *> out;
    for (const auto &d : devices) {
        if (d.kind == BlockDeviceKind::Partition && d.parent == disk)
            out.push_back(&d);
    }
    return out;
}

bool isBareId(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^0x[0-9a-fA-F]+$"));
    return id.match(text.trimmed()).hasMatch();
}

void nameFromDatabase(BlockDevice &device, const QString &vendor, const QString &model)
{
    if (!device.model.isEmpty() || model.trimmed().isEmpty() || isBareId(model))
        return;
    device.model = model.trimmed();
    if (device.vendor.isEmpty() && !isBareId(vendor))
        device.vendor = vendor.trimmed();
}

QString formatSize(std::uint64_t bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < std::size(units)) {
        value /= 1000.0;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 B").arg(bytes)
                     : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QString::fromLatin1(units[unit]));
}

} // namespace aoesan::platform
