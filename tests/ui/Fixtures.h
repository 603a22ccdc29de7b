// SPDX-License-Identifier: GPL-3.0-or-later
// Values for the GUI tests: targets and exports as discovery and the supervisor would report them.
#pragma once

#include <QDateTime>

#include "discovery/TargetInfo.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::test {

inline discovery::TargetInfo target(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors = 131072,
    discovery::TargetState state = discovery::TargetState::Up)
{
    discovery::TargetInfo t;
    t.id = {shelf, slot};
    t.state = state;
    t.identified = true;
    t.sectors = sectors;
    t.model = "aoesan AoE target";
    t.serial = std::to_string(shelf) + "." + std::to_string(slot) + ":lab";
    t.firmware = "0.1.0";
    t.lba48 = true;
    t.configString = "rack/" + std::to_string(slot);
    discovery::TargetPath path;
    path.interfaceName = "lab-a";
    path.mac = *protocol::MacAddress::fromString(
        "02:00:00:00:0" + std::to_string(shelf % 10) + ":" + (slot < 16 ? "0" : "") + [slot] {
            char hex[3];
            std::snprintf(hex, sizeof hex, "%x", slot);
            return std::string(hex);
        }());
    path.bufferCount = 16;
    path.firmwareVersion = 0x4019;
    path.maxSectors = 2;
    path.payload = 1024;
    path.rtt = std::chrono::microseconds(300 + slot);
    path.lastSeen = discovery::WallClock(std::chrono::milliseconds(1'700'000'000'000LL));
    t.paths.push_back(path);
    t.backends.push_back({path.mac, true, sectors, t.serial});
    t.rtt = path.rtt;
    t.lastSeen = path.lastSeen;
    return t;
}

inline supervisor::ExportRecord exportRecord(
    const QString &name, std::uint16_t shelf, std::uint8_t slot, const QString &interface = QStringLiteral("lab-a"))
{
    supervisor::ExportRecord r;
    r.name = name;
    r.path = QStringLiteral("/srv/%1.img").arg(name);
    r.shelf = shelf;
    r.slot = slot;
    r.interface = interface;
    return r;
}

inline supervisor::ExportStatus exportStatus(const QString &name, supervisor::ExportState state)
{
    supervisor::ExportStatus s;
    s.name = name;
    s.state = state;
    s.since = QDateTime::fromSecsSinceEpoch(1'700'000'000);
    if (state == supervisor::ExportState::Running)
        s.servingSince = s.since;
    return s;
}

} // namespace aoesan::test
