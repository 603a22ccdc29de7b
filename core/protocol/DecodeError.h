// SPDX-License-Identifier: GPL-3.0-or-later
// Why a frame or an IDENTIFY block could not be decoded, and where in the bytes that was noticed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "util/Result.h"

namespace aoesan::protocol {

enum class DecodeErrc : std::uint8_t {
    TruncatedEthernetHeader, // under 14 bytes
    WrongEtherType,
    TruncatedAoeHeader, // under 24 bytes
    UnsupportedVersion, // Ver nibble is not 1
    TruncatedAtaHeader,
    TruncatedConfigHeader,
    ConfigStringTooLong, // length field over 1024
    ConfigStringBeyondFrame, // length field past the end of the frame
    TruncatedMacMaskHeader,
    DirectiveCountBeyondFrame,
    TruncatedReserveHeader,
    MacCountBeyondFrame,
    TruncatedIdentify, // IDENTIFY data under 512 bytes
    SectorCountTooLarge, // IDENTIFY advertises LBA48 with a count over 2^48 sectors (words 100-103 are 64 bits)
};

struct DecodeError
{
    DecodeErrc code;
    std::size_t offset = 0; // byte offset in the frame where decoding stopped
    std::size_t detail = 0; // the offending value (ether type, version, a length), when there is one

    std::string message() const;
    bool operator==(const DecodeError &) const = default;
};

const char *errcName(DecodeErrc code);

template<typename T> using Decoded = Result<T, DecodeError>;

} // namespace aoesan::protocol
