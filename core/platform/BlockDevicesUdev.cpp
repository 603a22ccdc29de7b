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
        if (d.model.isEmpty())
            d.model = decodeUdevText(property(device.get(), "ID_MODEL_ENC"));
        if (d.vendor.isEmpty())
            d.vendor = decodeUdevText(property(device.get(), "ID_VENDOR_ENC"));
        if (d.serial.isEmpty())
            d.serial = property(device.get(), "ID_SERIAL_SHORT");
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
