// SPDX-License-Identifier: GPL-3.0-or-later
// Whether exporting a block device could hurt this machine or its data, decided from a device scan,
// and said in words a person understands. A read-write export of something mounted, held by LVM, RAID
// or dm-crypt, used as swap, or on the disk that holds "/" is refused unless forced; read-only exports
// are allowed where they cannot do harm, with a warning where initiators may see data change.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

#include "platform/BlockDevices.h"

namespace aoesan::platform {

struct SafetyProblem
{
    enum class Code : std::uint8_t {
        Mounted, // it (or a partition of it) has a mounted filesystem
        Held, // LVM, RAID or device-mapper is built on it (or on a partition of it)
        Swap, // it (or a partition of it) is active swap
        SystemDisk, // it is, or is on, the disk that holds "/"
        WriteProtected, // the device itself is read-only; a read-write export cannot work
    };
    Code code = Code::Mounted;
    QString text; // one sentence about this device, naming what uses it
    bool forceable = true; // false when forcing could not make it work either
};

struct ExportSafety
{
    std::vector<SafetyProblem> problems; // each one alone refuses the export unless forced
    QStringList warnings; // said, but no reason to refuse
    bool forced = false; // problems were all forceable and the caller forced

    bool allowed() const { return problems.empty() || forced; }
    // What to do about the problems (unmount, export read-only, force); empty without problems.
    QString advice() const;
    // Problems, advice and warnings, one per line, for the CLI and the wizard; empty when all is well.
    QString explain() const;
};

// Judges exporting `target` (a device from `devices`).
ExportSafety assessExport(
    const std::vector<BlockDevice> &devices, const BlockDevice &target, bool readOnly, bool force = false);

// Same for a path: a block device in `devices` is judged; anything else (an image file) is safe here.
ExportSafety assessExportPath(
    const std::vector<BlockDevice> &devices, const QString &path, bool readOnly, bool force = false);

} // namespace aoesan::platform
