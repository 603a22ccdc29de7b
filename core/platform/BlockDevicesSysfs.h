// SPDX-License-Identifier: GPL-3.0-or-later
// The part of block-device discovery that is plain files: <root>/sys/block (disks, their partition
// subdirectories, holders, slaves, size, ro, removable, model), <root>/proc/self/mountinfo and
// <root>/proc/swaps. With root "/" it reads this machine; with a fixture directory laid out the same way
// it reads a made-up one. Subclasses add what only udev or blkid know (filesystem, label, serial).
#pragma once

#include "platform/BlockDevices.h"

namespace aoesan::platform {

class SysfsBlockDevices : public BlockDeviceBackend
{
public:
    explicit SysfsBlockDevices(QString root);

    Result<std::vector<BlockDevice>, QString> scan() const override;

    const QString &root() const { return m_root; }

protected:
    // Fills what sysfs does not say (fsType, label, uuid, and model/vendor/serial when missing).
    virtual void describe(BlockDevice &device) const;

private:
    BlockDevice readDevice(const QString &directory, const QString &name, const BlockDevice *parent) const;
    void applyMounts(std::vector<BlockDevice> &devices) const;
    void applySwaps(std::vector<BlockDevice> &devices) const;

    QString m_root;
};

} // namespace aoesan::platform
