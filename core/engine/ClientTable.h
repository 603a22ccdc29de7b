// SPDX-License-Identifier: GPL-3.0-or-later
// The initiators an export has heard from, bounded: any host can send frames from ever-new source MACs,
// and a table that keeps every one grows without end (a 5-second storm once added 20–50 MB that was never
// freed). It keeps at most `capacity` MACs; when it is full it forgets those not heard from for a while
// (at most once a second, so a storm costs one hash lookup per frame), and a new MAC that still finds no
// room is counted, not kept.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "protocol/MacAddress.h"

namespace aoesan::engine {

class ClientTable
{
public:
    static constexpr std::size_t kDefaultCapacity = 1024;
    static constexpr std::uint64_t kDefaultForgetMs = 60000;

    explicit ClientTable(std::size_t capacity = kDefaultCapacity, std::uint64_t forgetAfterMs = kDefaultForgetMs);

    enum class Seen : std::uint8_t {
        Known, // heard from before (and still kept)
        New, // first heard from now, and kept
        Untracked, // first heard from now, but the table is full of hosts heard from recently
    };
    Seen note(const protocol::MacAddress &mac, std::uint64_t nowMs);

    std::size_t size() const { return m_lastSeen.size(); }
    std::size_t capacity() const { return m_capacity; }
    std::uint64_t untracked() const { return m_untracked; } // in all, since the start
    std::uint64_t forgotten() const { return m_forgotten; }

private:
    void forgetIdle(std::uint64_t nowMs);

    std::unordered_map<std::uint64_t, std::uint64_t> m_lastSeen; // the MAC's 48 bits → last frame, in ms
    std::size_t m_capacity;
    std::uint64_t m_forgetAfterMs;
    std::uint64_t m_nextForgetAt = 0;
    std::uint64_t m_untracked = 0;
    std::uint64_t m_forgotten = 0;
};

} // namespace aoesan::engine
