// SPDX-License-Identifier: GPL-3.0-or-later
// The system's block devices: sysfs and /proc for structure and use, udev's database for model,
// serial and filesystem, and libblkid probing the device itself where udev knows nothing (containers,
// systems without udev). Probing opens a device read-only and reads its superblock, nothing more.
#pragma once

#include "platform/BlockDevicesSysfs.h"

namespace aoesan::platform {

class SystemBlockDevices final : public SysfsBlockDevices
{
public:
    // `probe`: let libblkid read superblocks udev did not describe (needs read access to the device).
    explicit SystemBlockDevices(bool probe = true);

protected:
    void describe(BlockDevice &device) const override;

private:
    bool m_probe;
};

// libblkid's TYPE, LABEL and UUID of one device or image file; false when it cannot be read or
// carries no known superblock.
bool probeFilesystem(const QString &path, QString *type, QString *label, QString *uuid);

} // namespace aoesan::platform
