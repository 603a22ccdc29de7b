// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/BlockDeviceSafety.h"

#include <QCoreApplication>

// Every sentence here is read by a person (the export wizard, `aoesan-ctl exports add`): it goes through
// QCoreApplication::translate, so the GUI shows it in its language once it has installed its translator;
// core stays QtCore-only and the CLI, which installs none, speaks English.
namespace aoesan::platform {

namespace {

// "sda1" or, for a partition judged as part of a whole disk, "its partition sda1".
QString subject(const BlockDevice &device, const BlockDevice &target)
{
    return &device == &target
        ? device.name
        : QCoreApplication::translate("BlockDeviceSafety", "%1 (a partition of %2)").arg(device.name, target.name);
}

// How a person knows the device that is built on this one.
QString holderDescription(const std::vector<BlockDevice> &devices, const BlockDevice &held, const QString &holderName)
{
    const BlockDevice *holder = findDevice(devices, holderName);
    if (held.fsType == QLatin1String("LVM2_member"))
        return holder && !holder->mapperName.isEmpty()
            ? QCoreApplication::translate("BlockDeviceSafety", "LVM (volume %1)").arg(holder->mapperName)
            : QCoreApplication::translate("BlockDeviceSafety", "LVM");
    if (held.fsType == QLatin1String("linux_raid_member") || (holder && holder->kind == BlockDeviceKind::Raid))
        return QCoreApplication::translate("BlockDeviceSafety", "the RAID array %1").arg(holderName);
    if (held.fsType == QLatin1String("crypto_LUKS"))
        return holder && !holder->mapperName.isEmpty()
            ? QCoreApplication::translate("BlockDeviceSafety", "the encrypted volume %1").arg(holder->mapperName)
            : QCoreApplication::translate("BlockDeviceSafety", "an encrypted volume");
    if (holder && !holder->mapperName.isEmpty())
        return QCoreApplication::translate("BlockDeviceSafety", "the device-mapper volume %1").arg(holder->mapperName);
    return holderName;
}

void judgeInUse(const std::vector<BlockDevice> &devices, const BlockDevice &device, const BlockDevice &target,
    bool readOnly, ExportSafety &out)
{
    const QString who = subject(device, target);
    if (device.isMounted()) {
        const QString where = device.mountPoints.join(QStringLiteral(", "));
        if (readOnly)
            out.warnings << QCoreApplication::translate("BlockDeviceSafety",
                "%1 is mounted at %2: initiators may see its files change under them, "
                "and see a damaged filesystem while this machine writes to it.")
                                .arg(who, where);
        else
            out.problems.push_back({SafetyProblem::Code::Mounted,
                QCoreApplication::translate("BlockDeviceSafety",
                    "%1 is mounted at %2. If another machine wrote to it while this "
                    "one uses it, the filesystem would be destroyed.")
                    .arg(who, where)});
    }
    if (!device.holders.isEmpty()) {
        QStringList users;
        for (const auto &h : device.holders)
            users << holderDescription(devices, device, h);
        users.removeDuplicates();
        const QString by = users.join(QCoreApplication::translate("BlockDeviceSafety", " and "));
        if (readOnly)
            out.warnings << QCoreApplication::translate(
                "BlockDeviceSafety", "%1 is in use by %2: initiators may see its data change under them.")
                                .arg(who, by);
        else
            out.problems.push_back({SafetyProblem::Code::Held,
                QCoreApplication::translate("BlockDeviceSafety",
                    "%1 is in use by %2. Writes from another machine would corrupt "
                    "whatever is stored there.")
                    .arg(who, by)});
    }
    if (device.swap)
        // Read-only is no better here: the contents are this machine's memory.
        out.problems.push_back({SafetyProblem::Code::Swap,
            QCoreApplication::translate("BlockDeviceSafety",
                "%1 is this machine's swap space. It holds pieces of the machine's memory "
                "(which may include passwords), and writing to it would crash the machine.")
                .arg(who)});
}

// The whole disk holding "/" that `target` is on, is, or contains; empty when it has nothing to do
// with it. Stacks count: "/" on an LVM volume on sda2 makes sda the system disk, and so is every
// other volume of that group.
QString systemDiskUnder(const std::vector<BlockDevice> &devices, const BlockDevice &target)
{
    const BlockDevice *root = rootDevice(devices);
    if (!root)
        return {};
    QStringList systemDisks;
    for (const QString &name : devicesUnderneath(devices, root->name)) {
        const BlockDevice *d = findDevice(devices, name);
        if (d && d->parent.isEmpty() && d->slaves.isEmpty())
            systemDisks << name;
    }
    for (const QString &name : devicesUnderneath(devices, target.name)) {
        if (systemDisks.contains(name))
            return name;
    }
    return {};
}

} // namespace

QString ExportSafety::advice() const
{
    if (problems.empty())
        return {};
    if (forced)
        return QCoreApplication::translate("BlockDeviceSafety", "Exporting anyway, because it was forced.");
    bool forceable = true;
    bool swap = false;
    for (const auto &p : problems) {
        forceable = forceable && p.forceable;
        swap = swap || p.code == SafetyProblem::Code::Swap;
    }
    if (!forceable)
        return QCoreApplication::translate("BlockDeviceSafety", "Export it read-only instead.");
    if (swap)
        return QCoreApplication::translate(
            "BlockDeviceSafety", "Choose another device; if you are sure, force the export.");
    return QCoreApplication::translate(
        "BlockDeviceSafety", "Stop using it first, or export it read-only; if you are sure, force the export.");
}

QString ExportSafety::explain() const
{
    QStringList lines;
    for (const auto &p : problems)
        lines << p.text;
    if (!problems.empty())
        lines << advice();
    lines << warnings;
    return lines.join(QLatin1Char('\n'));
}

ExportSafety assessExport(const std::vector<BlockDevice> &devices, const BlockDevice &target, bool readOnly, bool force)
{
    ExportSafety out;
    if (!readOnly && target.readOnly)
        out.problems.push_back({SafetyProblem::Code::WriteProtected,
            QCoreApplication::translate(
                "BlockDeviceSafety", "%1 is read-only (write-protected), so it cannot be exported read-write.")
                .arg(target.name),
            false});

    // A whole disk is in use when any of its partitions is.
    judgeInUse(devices, target, target, readOnly, out);
    for (const BlockDevice *part : partitionsOf(devices, target.name))
        judgeInUse(devices, *part, target, readOnly, out);

    if (const QString disk = systemDiskUnder(devices, target); !disk.isEmpty()) {
        const BlockDevice *root = rootDevice(devices);
        const QString text = disk == target.name || (root && root->name == target.name)
            ? QCoreApplication::translate("BlockDeviceSafety", "%1 holds this machine's root filesystem (/).")
                  .arg(target.name)
            : QCoreApplication::translate(
                "BlockDeviceSafety", "%1 is on %2, the disk that holds this machine's root filesystem (/).")
                  .arg(target.name, disk);
        if (readOnly)
            out.warnings << text;
        else
            out.problems.push_back({SafetyProblem::Code::SystemDisk,
                text
                    + QCoreApplication::translate("BlockDeviceSafety",
                        " A mistake by another machine writing to it could leave "
                        "this one unable to start.")});
    }
    if (target.removable && out.problems.empty())
        out.warnings << QCoreApplication::translate(
            "BlockDeviceSafety", "%1 is removable: the export stops working when it is taken out.")
                            .arg(target.name);

    bool forceable = true;
    for (const auto &p : out.problems)
        forceable = forceable && p.forceable;
    out.forced = force && forceable && !out.problems.empty();
    return out;
}

ExportSafety assessExportPath(const std::vector<BlockDevice> &devices, const QString &path, bool readOnly, bool force)
{
    if (const BlockDevice *device = deviceForPath(devices, path))
        return assessExport(devices, *device, readOnly, force);
    return {};
}

} // namespace aoesan::platform
