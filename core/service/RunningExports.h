// SPDX-License-Identifier: GPL-3.0-or-later
// The exports a person wants serving right now, kept in STATE_DIR/running.json with the boot they belong
// to. When the service starts again in the same boot (a package upgrade, `systemctl restart aoesan`, a
// crash), exactly those come back, whatever their autostart flag says; after a reboot the autostart flag
// decides, as it always has. Without this an upgrade would stop every export that was started by hand.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "util/Result.h"

namespace aoesan::service {

class RunningExports
{
public:
    RunningExports(QString path, QString bootId);
    const QString &path() const { return m_path; }

    // The names saved in this boot, or nullopt when there is nothing from this boot (no file, another
    // boot's, a damaged one: `problem` says which was damaged, and the file is set aside). One that cannot
    // be read (not a regular file, larger than 1 MiB, no permission) is left as it is and said in `problem`.
    std::optional<QStringList> restore(QString *problem) const;
    // Refused after a restore() that could not read the file: it is not replaced.
    Result<bool, QString> save(QStringList names) const;

    // The kernel's id of this boot (/proc/sys/kernel/random/boot_id); empty when it cannot be read, and then
    // nothing is ever restored.
    static QString currentBootId();

private:
    QString m_path;
    QString m_bootId;
    mutable QString m_unreadable; // why the last restore() could not read the file
};

} // namespace aoesan::service
