// SPDX-License-Identifier: GPL-3.0-or-later
// The service's own settings (CONFIG_DIR/service.json): the interfaces discovery watches, the probe
// interval, how many targets discovery keeps, and what it does with disks attached through the aoe driver
// (KernelSettings). Written atomically; a damaged
// file is set aside with a report and the defaults are used.
#pragma once

#include <QString>
#include <QStringList>

#include "discovery/DiscoveryLimit.h"
#include "util/Result.h"

namespace aoesan::service {

struct ServiceSettings
{
    QStringList interfaces; // empty: every Ethernet interface that is up
    int intervalSeconds = 10;
    // A down disk that nobody holds is flushed after this long (0: never), so that it cannot hang the next
    // fdisk or shutdown; with reattach, such a disk is attached again once its target is back.
    int flushDownAfterSeconds = 60;
    bool reattach = false;
    // Discovery's bound on the targets it keeps (`maxTargets` in the file, set by hand: a SAN of more than
    // 4,096 shelf.slots raises it; discovery/DiscoveryLimit.h).
    std::uint32_t maxTargets = discovery::kDefaultMaxTargets;
    bool operator==(const ServiceSettings &) const = default;
};

inline constexpr int kMinIntervalSeconds = 1;
inline constexpr int kMaxIntervalSeconds = 3600;

class ServiceSettingsFile
{
public:
    explicit ServiceSettingsFile(QString path);
    const QString &path() const { return m_path; }
    // A missing file gives the defaults; `problem` says what was wrong with a damaged one (set aside) or
    // an unreadable one (not a regular file, larger than 1 MiB, no permission: left where it is).
    ServiceSettings load(QString *problem) const;
    // Refused while the last load() could not read the file, which would otherwise be replaced.
    Result<bool, QString> save(const ServiceSettings &settings) const;

private:
    QString m_path;
    mutable QString m_unreadable; // why the last load() could not read the file
};

} // namespace aoesan::service
