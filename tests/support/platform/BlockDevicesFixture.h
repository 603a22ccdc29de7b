// SPDX-License-Identifier: GPL-3.0-or-later
// A made-up machine for tests (kpmcore's dummy backend idea): a directory with sys/block/...,
// proc/self/mountinfo and proc/swaps laid out as on a real system, plus udev/<name> files of udev
// properties (ID_FS_TYPE=ext4, ID_FS_LABEL=..., ID_MODEL=..., ID_MODEL_FROM_DATABASE=..., one per line;
// a partition without database names takes its disk's, as udev's parent walk would). No disk is ever opened.
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
