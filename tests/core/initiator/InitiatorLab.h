// SPDX-License-Identifier: GPL-3.0-or-later
// A segment for initiator and discovery unit tests: a fake clock, a MemoryLink, the initiator's
// transport and a FakeTarget, plus a helper that captures one completion.
#pragma once

#include <optional>

#include "FakeTarget.h"
#include "initiator/FakeClock.h"
#include "initiator/Initiator.h"

namespace aoesan::test {

inline const protocol::MacAddress kInitiatorMac = *protocol::MacAddress::fromString("02:00:00:00:a0:02");
inline const protocol::MacAddress kTargetMac = *protocol::MacAddress::fromString("02:00:00:00:a0:01");
inline const protocol::MacAddress kOtherMac = *protocol::MacAddress::fromString("02:00:00:00:a0:09");

// Holds the outcome of one asynchronous call.
template<typename T> struct Captured
{
    std::optional<initiator::Outcome<T>> outcome;
    int calls = 0;

    initiator::Completion<T> sink()
    {
        return [this](initiator::Outcome<T> r) {
            ++calls;
            outcome.emplace(std::move(r));
        };
    }
    bool done() const { return outcome.has_value(); }
    bool ok() const { return outcome && outcome->ok(); }
    const T &value() const { return outcome->value(); }
    const initiator::Failure &failure() const { return outcome->error(); }
};

inline std::uint32_t tagOf(const QByteArray &frame)
{
    const auto *b = reinterpret_cast<const std::uint8_t *>(frame.constData());
    return (std::uint32_t {b[20]} << 24U) | (std::uint32_t {b[21]} << 16U) | (std::uint32_t {b[22]} << 8U) | b[23];
}

struct InitiatorLab
{
    explicit InitiatorLab(int mtu = 1500)
        : local(&link, "mem0", kInitiatorMac, mtu)
        , target(&link, "tgt0", kTargetMac, mtu)
        , initiator(clock)
    {
        initiator.addTransport(&local);
    }

    initiator::Peer peer(std::uint16_t shelf = 1, std::uint8_t slot = 1, protocol::MacAddress mac = kTargetMac)
    {
        return initiator::Peer {&local, mac, shelf, slot};
    }

    initiator::FakeClock clock;
    net::MemoryLink link;
    net::MemoryTransport local;
    FakeTarget target;
    initiator::Initiator initiator;
};

} // namespace aoesan::test
