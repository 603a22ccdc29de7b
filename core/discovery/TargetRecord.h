// SPDX-License-Identifier: GPL-3.0-or-later
// The service's working state for one shelf.slot: the paths it answered on, what each backend (target
// MAC) said to IDENTIFY, and the times of its answers. snapshot() turns it into the TargetInfo value
// that leaves the service.
#pragma once

#include <QPointer>

#include <vector>

#include "discovery/TargetInfo.h"
#include "initiator/Clock.h"
#include "net/Transport.h"
#include "protocol/Arguments.h"
#include "protocol/Identify.h"

namespace aoesan::discovery {

struct PathRecord
{
    QPointer<net::Transport> transport;
    std::string interfaceName;
    protocol::MacAddress mac;
    protocol::ConfigArg config;
    initiator::TimePoint lastSeen {};
    WallClock lastSeenWall {};
    std::optional<Rtt> rtt;
    bool probing = false;
    // It answered us by unicast (a reply to our query), not only by broadcast: when the paths are full,
    // such an answer may take the place of a path that only ever broadcast and never answered IDENTIFY.
    bool solicited = false;
};

struct BackendRecord
{
    enum class Identify : std::uint8_t { Needed, Queued, InFlight, Done, Failed };

    protocol::MacAddress mac;
    Identify identify = Identify::Needed;
    bool identified = false; // `info` holds an answer (kept while a re-IDENTIFY is under way)
    protocol::IdentifyInfo info;
    std::uint64_t queueTicket = 0; // its place in the service's IDENTIFY queue while Queued
    int queuePriority = 1;
    bool solicited = false; // some path to it answered us by unicast: its IDENTIFY goes first
};

struct TargetRecord
{
    TargetId id;
    TargetState state = TargetState::Up;
    std::vector<PathRecord> paths;
    std::vector<BackendRecord> backends;
    std::string configString;
    initiator::TimePoint firstSeen {};
    initiator::TimePoint lastSeen {};
    WallClock lastSeenWall {};
    std::optional<Rtt> rtt;
    // When the service looks at it next (down, a stale path, expiry): its key in the service's deadlines.
    std::optional<initiator::TimePoint> deadline;
    TargetInfo published; // the last snapshot sent out, to tell what changed

    PathRecord *path(const net::Transport *transport, const protocol::MacAddress &mac);
    BackendRecord *backend(const protocol::MacAddress &mac);
    // The oldest answer among the paths: when it expires, a stale path is dropped or the target goes down.
    initiator::TimePoint oldestPathSeen() const;
    // Some backend answered IDENTIFY at least once: a real disk is behind the address.
    bool everIdentified() const;

    TargetInfo snapshot() const;
};

// Bytes per frame on a path: min(target Sector Count, interface MTU) × 512, or 1024 when that is 0 (Linux).
std::uint32_t pathPayload(std::uint8_t targetSectors, int interfaceMtu);

} // namespace aoesan::discovery
