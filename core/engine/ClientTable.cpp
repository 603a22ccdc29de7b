// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ClientTable.h"

namespace aoesan::engine {

namespace {

std::uint64_t key(const protocol::MacAddress &mac)
{
    std::uint64_t k = 0;
    for (const std::uint8_t b : mac.bytes())
        k = (k << 8U) | b;
    return k;
}

} // namespace

ClientTable::ClientTable(std::size_t capacity, std::uint64_t forgetAfterMs)
    : m_capacity(capacity)
    , m_forgetAfterMs(forgetAfterMs)
{
    m_lastSeen.reserve(capacity);
}

ClientTable::Seen ClientTable::note(const protocol::MacAddress &mac, std::uint64_t nowMs)
{
    const std::uint64_t k = key(mac);
    if (const auto found = m_lastSeen.find(k); found != m_lastSeen.end()) {
        found->second = nowMs;
        return Seen::Known;
    }
    if (m_lastSeen.size() >= m_capacity && nowMs >= m_nextForgetAt) {
        m_nextForgetAt = nowMs + 1000;
        forgetIdle(nowMs);
    }
    if (m_lastSeen.size() >= m_capacity) {
        ++m_untracked;
        return Seen::Untracked;
    }
    m_lastSeen.emplace(k, nowMs);
    return Seen::New;
}

void ClientTable::forgetIdle(std::uint64_t nowMs)
{
    std::erase_if(m_lastSeen, [&](const auto &entry) {
        const bool idle = nowMs - entry.second >= m_forgetAfterMs;
        m_forgotten += idle ? 1 : 0;
        return idle;
    });
}

} // namespace aoesan::engine
