// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/BlockDevicesUdev.h"

#include <blkid/blkid.h>
#include <libudev.h>
#include <memory>

namespace aoesan::platform {

namespace {

struct UdevDeleter
{
    void operator()(udev *u) const { udev_unref(u); }
    void operator()(udev_device *d) const { udev_device_unref(d); }
    void operator()(udev_hwdb *h) const { udev_hwdb_unref(h); }
};

QString property(udev_device *device, const char *key)
{
    const char *value = udev_device_get_property_value(device, key);
    return value ? QString::fromUtf8(value).trimmed() : QString();
}

// udev writes "Samsung_SSD_860" in ID_MODEL and the real text, \x20-escaped, in ID_MODEL_ENC.
QString decodeUdevText(const QString &encoded)
{
    QByteArray out;
    const QByteArray in = encoded.toUtf8();
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '\\' && i + 3 < in.size() && in.at(i + 1) == 'x') {
            bool ok = false;
            const int code = in.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                out += static_cast<char>(code);
                i += 3;
                continue;
            }
        }
        out += in.at(i);
    }
    return QString::fromUtf8(out).trimmed();
}

// The hardware database's vendor and model of the first bus parent that has them (a virtio disk's PCI
// function: "Red Hat, Inc.", "Virtio 1.0 block device"): udev's stored properties when udevd ran, else
// a lookup of the parent's modalias in hwdb.bin, which works without udevd (containers, early boot).
void nameFromParents(udev *context, udev_device *device, BlockDevice &d)
{
    std::unique_ptr<udev_hwdb, UdevDeleter> hwdb(udev_hwdb_new(context));
    // Parents are owned by the child device: not unreffed here.
    for (udev_device *parent = udev_device_get_parent(device); parent; parent = udev_device_get_parent(parent)) {
        QString vendor = property(parent, "ID_VENDOR_FROM_DATABASE");
        QString model = property(parent, "ID_MODEL_FROM_DATABASE");
        const char *modalias = udev_device_get_sysattr_value(parent, "modalias");
        if (model.isEmpty() && hwdb && modalias) {
            udev_list_entry *entry = udev_hwdb_get_properties_list_entry(hwdb.get(), modalias, 0);
            for (; entry; entry = udev_list_entry_get_next(entry)) {
                const QByteArray name = udev_list_entry_get_name(entry);
                const QString value = QString::fromUtf8(udev_list_entry_get_value(entry)).trimmed();
                if (name == "ID_MODEL_FROM_DATABASE")
                    model = value;
                else if (name == "ID_VENDOR_FROM_DATABASE")
                    vendor = value;
            }
        }
        if (!model.isEmpty()) {
            nameFromDatabase(d, vendor, model);
            return;
        }
    }
}

} // namespace

SystemBlockDevices::SystemBlockDevices(bool probe)
    : SysfsBlockDevices(QStringLiteral("/"))
    , m_probe(probe)
{ }

void SystemBlockDevices::describe(BlockDevice &d) const
{
    std::unique_ptr<udev, UdevDeleter> context(udev_new());
    std::unique_ptr<udev_device, UdevDeleter> device(context
            ? udev_device_new_from_subsystem_sysname(context.get(), "block", d.name.toUtf8().constData())
            : nullptr);
    if (device) {
        d.fsType = property(device.get(), "ID_FS_TYPE");
        d.label = decodeUdevText(property(device.get(), "ID_FS_LABEL_ENC"));
        if (d.label.isEmpty())
            d.label = property(device.get(), "ID_FS_LABEL");
        d.uuid = property(device.get(), "ID_FS_UUID");
        const auto named = [](const QString &text) { return isBareId(text) ? QString() : text; };
        if (d.model.isEmpty())
            d.model = named(decodeUdevText(property(device.get(), "ID_MODEL_ENC")));
        if (d.model.isEmpty())
            d.model = named(property(device.get(), "ID_MODEL"));
        if (d.vendor.isEmpty())
            d.vendor = named(decodeUdevText(property(device.get(), "ID_VENDOR_ENC")));
        if (d.serial.isEmpty())
            d.serial = property(device.get(), "ID_SERIAL_SHORT");
        if (d.model.isEmpty())
            nameFromParents(context.get(), device.get(), d);
    }
    if (d.fsType.isEmpty() && m_probe)
        probeFilesystem(d.path, &d.fsType, &d.label, &d.uuid);
}

bool probeFilesystem(const QString &path, QString *type, QString *label, QString *uuid)
{
    blkid_probe probe = blkid_new_probe_from_filename(path.toLocal8Bit().constData());
    if (!probe)
        return false;
    blkid_probe_enable_superblocks(probe, 1);
    blkid_probe_set_superblocks_flags(probe, BLKID_SUBLKS_TYPE | BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID);
    // The partition table of a whole disk is reported too: "dos" or "gpt" says it is partitioned.
    blkid_probe_enable_partitions(probe, 1);
    const bool found = blkid_do_safeprobe(probe) == 0;
    if (found) {
        const auto lookup = [probe](const char *name) {
            const char *value = nullptr;
            return blkid_probe_lookup_value(probe, name, &value, nullptr) == 0 && value ? QString::fromUtf8(value)
                                                                                        : QString();
        };
        *type = lookup("TYPE");
        if (type->isEmpty())
            *type = lookup("PTTYPE");
        *label = lookup("LABEL");
        *uuid = lookup("UUID");
    }
    blkid_free_probe(probe);
    return found && !type->isEmpty();
}

} // namespace aoesan::platform
