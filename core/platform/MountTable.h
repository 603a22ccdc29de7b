// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the kernel's tables of what is in use: /proc/<pid>/mountinfo (mounted filesystems, by
// device number and source) and /proc/swaps (active swap areas). Pure text parsing, so the rules are
// tested on captured tables.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace aoesan::platform {

struct MountEntry
{
    QString majorMinor; // "8:1"; btrfs and friends report an anonymous "0:NN"
    QString mountPoint;
    QString fsType;
    QString source; // /dev/sda1, /dev/mapper/vg-root, tmpfs, ...
    bool operator==(const MountEntry &) const = default;
};

// Lines that do not have the mountinfo shape are skipped.
std::vector<MountEntry> parseMountInfo(const QString &text);

// The file names of the active swap areas (devices or swap files), header skipped.
QStringList parseSwaps(const QString &text);

// The kernel escapes space, tab, newline and backslash as \040, \011, \012 and \134 in both tables.
QString unescapeMountField(const QString &field);

} // namespace aoesan::platform
