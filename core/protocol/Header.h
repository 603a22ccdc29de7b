// SPDX-License-Identifier: GPL-3.0-or-later
// The Ethernet header and the 10-byte AoE common header (AoE r11 §3.1).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "protocol/Constants.h"
#include "protocol/DecodeError.h"
#include "protocol/MacAddress.h"

namespace aoesan::protocol {

struct Header
{
    MacAddress destination;
    MacAddress source;
    std::uint8_t version = kVersion;
    bool response = false;
    bool error = false;
    std::uint8_t reservedFlags = 0; // flag bits 1-0; must be 0 when sending, kept for fidelity
    std::uint8_t errorCode = 0; // an AoeError value, meaningful when `error` is set
    std::uint16_t major = 0;
    std::uint8_t minor = 0;
    std::uint8_t command = 0; // a Command value; unknown values are kept as they are
    std::uint32_t tag = 0;

    Command commandCode() const { return static_cast<Command>(command); }
    AoeError aoeError() const { return static_cast<AoeError>(errorCode); }
    bool isBroadcastAddress() const { return major == kBroadcastMajor || minor == kBroadcastMinor; }
    // True when a target at (shelf, slot) should accept a frame carrying this header's address.
    bool addresses(std::uint16_t shelf, std::uint8_t slot) const
    {
        return (major == shelf || major == kBroadcastMajor) && (minor == slot || minor == kBroadcastMinor);
    }

    bool operator==(const Header &) const = default;
};

struct DecodeOptions
{
    // vblade 25 announces itself with Ver 0; a lenient reader (discovery) may still want that frame.
    bool requireVersion1 = true;
};

// Decodes the first 24 bytes of a frame.
Decoded<Header> decodeHeader(std::span<const std::uint8_t> frame, DecodeOptions options = {});
// Appends the 24 header bytes.
void encodeHeader(const Header &header, std::vector<std::uint8_t> &out);

} // namespace aoesan::protocol
