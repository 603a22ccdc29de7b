// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/TargetInfo.h"

#include <algorithm>

#include "protocol/SizeFormat.h"

namespace aoesan::discovery {

std::string TargetId::deviceName() const
{
    return protocol::aoeDeviceName(shelf, slot);
}

const char *stateName(TargetState state)
{
    return state == TargetState::Up ? "up" : "down";
}

std::string TargetInfo::interfaces() const
{
    std::vector<std::string> names;
    for (const auto &p : paths) {
        if (std::ranges::find(names, p.interfaceName) == names.end())
            names.push_back(p.interfaceName);
    }
    std::string joined;
    for (const auto &n : names)
        joined += (joined.empty() ? "" : ",") + n;
    return joined;
}

std::uint32_t TargetInfo::payload() const
{
    std::uint32_t smallest = 0;
    for (const auto &p : paths) {
        if (p.payload != 0 && (smallest == 0 || p.payload < smallest))
            smallest = p.payload;
    }
    return smallest;
}

std::uint16_t TargetInfo::bufferCount() const
{
    std::uint16_t smallest = 0;
    for (const auto &p : paths) {
        if (smallest == 0 || p.bufferCount < smallest)
            smallest = p.bufferCount;
    }
    return smallest;
}

std::uint16_t TargetInfo::firmwareVersion() const
{
    return paths.empty() ? 0 : paths.front().firmwareVersion;
}

std::string TargetInfo::stateText() const
{
    return std::string(stateName(state)) + (conflict ? ",conflict" : "");
}

bool TargetInfo::sameApartFromTimes(const TargetInfo &other) const
{
    TargetInfo a = *this;
    TargetInfo b = other;
    for (auto *t : {&a, &b}) {
        t->rtt.reset();
        t->lastSeen = {};
        for (auto &p : t->paths) {
            p.rtt.reset();
            p.lastSeen = {};
        }
    }
    return a == b;
}

} // namespace aoesan::discovery
