// A made-up machine for tests (kpmcore's dummy backend idea): a directory with sys/block/...,
// proc/self/mountinfo and proc/swaps laid out as on a real system, plus udev/<name> files of udev
// properties (ID_FS_TYPE=ext4, ID_FS_LABEL=..., ID_MODEL=..., one per line). No disk is ever opened.
#pragma once

#include "platform/BlockDevicesSysfs.h"

namespace aoesan::platform {

class FixtureBlockDevices final : public SysfsBlockDevices
{
public:
    explicit FixtureBlockDevices(QString directory);

protected:
    void describe(BlockDevice &device) const override;
};

} // namespace aoesan::platform
