// SPDX-License-Identifier: GPL-3.0-or-later
// What discovery knows about one AoE target, as a value: keyed by shelf.slot, with every path to it
// (target MAC × local interface), what IDENTIFY said, and the up/down state. Signals carry copies, so a
// model or another thread never points into the service.
#pragma once

#include <QMetaType>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/MacAddress.h"

namespace aoesan::discovery {

struct TargetId
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;

    // "e7.3", as aoe-stat names it.
    std::string deviceName() const;
    auto operator<=>(const TargetId &) const = default;
};

enum class TargetState : std::uint8_t { Up, Down };

const char *stateName(TargetState state);

using Rtt = std::chrono::microseconds;
using WallClock = std::chrono::system_clock::time_point;

// One way to the target: a MAC of the target seen through one local interface.
struct TargetPath
{
    std::string interfaceName;
    protocol::MacAddress mac;
    std::uint16_t bufferCount = 0;
    std::uint16_t firmwareVersion = 0; // from Query Config, e.g. 0x4019 for vblade 25
    std::uint8_t maxSectors = 0; // the target's Sector Count (0 already read as 2)
    std::uint32_t payload = 0; // bytes per ATA frame: min(maxSectors, interface MTU) × 512
    std::optional<Rtt> rtt; // the last unicast probe's round trip
    WallClock lastSeen {};

    bool operator==(const TargetPath &) const = default;
};

// What one backend (a MAC answering for the shelf.slot) said to IDENTIFY.
struct Backend
{
    protocol::MacAddress mac;
    bool identified = false;
    std::uint64_t sectors = 0;
    std::string serial;

    bool operator==(const Backend &) const = default;
};

struct TargetInfo
{
    TargetId id;
    TargetState state = TargetState::Up;
    // IDENTIFY answered; the fields below are valid. With several backends they are those of the
    // smallest disk (of equal ones, the lowest MAC): the rule is in TargetRecord::snapshot.
    bool identified = false;
    std::uint64_t sectors = 0;
    std::string model;
    std::string serial;
    std::string firmware;
    bool lba48 = false;
    bool flush = false;
    bool flushExt = false;
    std::string configString;
    std::vector<TargetPath> paths; // sorted by interface, then MAC
    std::vector<Backend> backends; // one per target MAC, in order of discovery
    bool conflict = false; // two backends disagree on size or serial
    std::string conflictDetail; // which, for a person
    std::optional<Rtt> rtt; // the most recent round trip on any path
    WallClock lastSeen {};

    std::uint64_t sizeBytes() const { return sectors * 512U; }
    // The local interfaces, without repeats, joined by commas: aoe-stat's netif column.
    std::string interfaces() const;
    // Bytes per frame as the Linux initiator's sysfs shows it: the smallest over the paths.
    std::uint32_t payload() const;
    std::uint16_t bufferCount() const;
    std::uint16_t firmwareVersion() const;
    // "up", "down", "up,conflict", "down,conflict": aoe-stat's state column.
    std::string stateText() const;

    // Equal apart from what changes on every answer (RTT, last seen): what makes a `changed` event.
    bool sameApartFromTimes(const TargetInfo &other) const;
    bool operator==(const TargetInfo &) const = default;
};

} // namespace aoesan::discovery

Q_DECLARE_METATYPE(aoesan::discovery::TargetId)
Q_DECLARE_METATYPE(aoesan::discovery::TargetInfo)
