// SPDX-License-Identifier: GPL-3.0-or-later
// Bounds-checked big-endian readers and writers for the codec. Internal to core/protocol.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "protocol/MacAddress.h"

namespace aoesan::protocol::detail {

using Bytes = std::span<const std::uint8_t>;

inline std::uint16_t readU16(Bytes b, std::size_t at)
{
    return static_cast<std::uint16_t>((b[at] << 8U) | b[at + 1]);
}

inline std::uint32_t readU32(Bytes b, std::size_t at)
{
    return (std::uint32_t {b[at]} << 24U) | (std::uint32_t {b[at + 1]} << 16U) | (std::uint32_t {b[at + 2]} << 8U)
        | std::uint32_t {b[at + 3]};
}

inline MacAddress readMac(Bytes b, std::size_t at)
{
    MacAddress::Bytes mac {};
    for (std::size_t i = 0; i < mac.size(); ++i)
        mac[i] = b[at + i];
    return MacAddress(mac);
}

inline void putU8(std::vector<std::uint8_t> &out, std::uint8_t v)
{
    out.push_back(v);
}

inline void putU16(std::vector<std::uint8_t> &out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v >> 8U));
    out.push_back(static_cast<std::uint8_t>(v));
}

inline void putU32(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> static_cast<unsigned>(shift)));
}

inline void putMac(std::vector<std::uint8_t> &out, const MacAddress &mac)
{
    out.insert(out.end(), mac.bytes().begin(), mac.bytes().end());
}

} // namespace aoesan::protocol::detail
