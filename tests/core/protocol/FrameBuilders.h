// SPDX-License-Identifier: GPL-3.0-or-later
// Frames used across the codec tests, built from values so each test reads as a statement about them.
#pragma once

#include <QByteArray>

#include <cstdint>
#include <span>
#include <vector>

#include "protocol/Frame.h"

namespace aoesan::test {

inline const protocol::MacAddress kTargetMac = *protocol::MacAddress::fromString("02:00:00:00:a0:01");
inline const protocol::MacAddress kInitiatorMac = *protocol::MacAddress::fromString("02:00:00:00:a0:02");

inline protocol::Header requestHeader(
    protocol::Command command, std::uint16_t major = 7, std::uint8_t minor = 3, std::uint32_t tag = 0x80000001)
{
    protocol::Header h;
    h.destination = protocol::MacAddress::broadcast();
    h.source = kInitiatorMac;
    h.major = major;
    h.minor = minor;
    h.command = static_cast<std::uint8_t>(command);
    h.tag = tag;
    return h;
}

inline protocol::Header replyHeader(
    protocol::Command command, std::uint16_t major = 7, std::uint8_t minor = 3, std::uint32_t tag = 0x80000001)
{
    protocol::Header h = requestHeader(command, major, minor, tag);
    h.destination = kInitiatorMac;
    h.source = kTargetMac;
    h.response = true;
    return h;
}

inline std::span<const std::uint8_t> bytesOf(const QByteArray &a)
{
    return {reinterpret_cast<const std::uint8_t *>(a.constData()), static_cast<std::size_t>(a.size())};
}

inline QByteArray toByteArray(const std::vector<std::uint8_t> &v)
{
    return {reinterpret_cast<const char *>(v.data()), static_cast<qsizetype>(v.size())};
}

} // namespace aoesan::test

Q_DECLARE_METATYPE(aoesan::protocol::Frame)
