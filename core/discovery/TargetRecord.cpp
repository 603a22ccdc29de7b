// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/TargetRecord.h"

#include <algorithm>

namespace aoesan::discovery {

PathRecord *TargetRecord::path(const net::Transport *transport, const protocol::MacAddress &mac)
{
    const auto it
        = std::ranges::find_if(paths, [&](const PathRecord &p) { return p.transport == transport && p.mac == mac; });
    return it == paths.end() ? nullptr : &*it;
}

BackendRecord *TargetRecord::backend(const protocol::MacAddress &mac)
{
    const auto it = std::ranges::find_if(backends, [&](const BackendRecord &b) { return b.mac == mac; });
    return it == backends.end() ? nullptr : &*it;
}

initiator::TimePoint TargetRecord::oldestPathSeen() const
{
    initiator::TimePoint oldest = lastSeen;
    for (const auto &p : paths)
        oldest = std::min(oldest, p.lastSeen);
    return oldest;
}

bool TargetRecord::everIdentified() const
{
    return std::ranges::any_of(backends, &BackendRecord::identified);
}

std::uint32_t pathPayload(std::uint8_t targetSectors, int interfaceMtu)
{
    const std::uint8_t sectors = targetSectors == 0 ? 2 : targetSectors;
    const std::uint8_t byMtu = protocol::sectorsPerFrame(static_cast<std::size_t>(std::max(0, interfaceMtu)));
    const std::uint32_t count = std::min(sectors, byMtu);
    return count == 0 ? 1024U : count * static_cast<std::uint32_t>(protocol::kSectorSize);
}

TargetInfo TargetRecord::snapshot() const
{
    TargetInfo s;
    s.id = id;
    s.state = state;
    s.configString = configString;
    s.rtt = rtt;
    s.lastSeen = lastSeenWall;
    for (const auto &p : paths) {
        TargetPath out;
        out.interfaceName = p.interfaceName;
        out.mac = p.mac;
        out.bufferCount = p.config.bufferCount;
        out.firmwareVersion = p.config.firmwareVersion;
        out.maxSectors = p.config.effectiveSectorCount();
        out.payload = pathPayload(p.config.sectorCount, p.transport ? p.transport->mtu() : 0);
        out.rtt = p.rtt;
        out.lastSeen = p.lastSeenWall;
        s.paths.push_back(std::move(out));
    }
    std::ranges::sort(s.paths, [](const TargetPath &a, const TargetPath &b) {
        return std::tie(a.interfaceName, a.mac) < std::tie(b.interfaceName, b.mac);
    });

    // Which backend's IDENTIFY the target shows when several answer: the smallest disk, and of equal
    // ones the lowest MAC. Arrival order would make the size flip from run to run; the smallest is the
    // size every backend behind the address can serve, so nothing sized from it (a partition, an image
    // written to it) runs past the end of the other disk. The others are in `backends`, with their sizes.
    const BackendRecord *first = nullptr;
    for (const auto &b : backends) {
        if (b.identified
            && (!first || std::pair(b.info.sectors(), b.mac) < std::pair(first->info.sectors(), first->mac)))
            first = &b;
    }
    for (const auto &b : backends) {
        const bool done = b.identified;
        s.backends.push_back(Backend {b.mac, done, done ? b.info.sectors() : 0, done ? b.info.serial : std::string()});
        if (!done || &b == first)
            continue;
        // Two NICs of one target report the same disk; two different disks under one address are a conflict.
        if (b.info.sectors() != first->info.sectors() || b.info.serial != first->info.serial) {
            s.conflict = true;
            if (!s.conflictDetail.empty())
                s.conflictDetail += "; ";
            s.conflictDetail += id.deviceName() + " is answered by " + first->mac.toString() + " ("
                + std::to_string(first->info.sectors()) + " sectors, serial '" + first->info.serial + "') and by "
                + b.mac.toString() + " (" + std::to_string(b.info.sectors()) + " sectors, serial '" + b.info.serial
                + "')";
        }
    }
    if (first) {
        s.identified = true;
        s.sectors = first->info.sectors();
        s.model = first->info.model;
        s.serial = first->info.serial;
        s.firmware = first->info.firmware;
        s.lba48 = first->info.lba48;
        s.flush = first->info.flush;
        s.flushExt = first->info.flushExt;
    }
    return s;
}

} // namespace aoesan::discovery
