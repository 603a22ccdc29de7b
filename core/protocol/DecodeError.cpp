// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/DecodeError.h"

#include <fmt/format.h>

namespace aoesan::protocol {

const char *errcName(DecodeErrc code)
{
    switch (code) {
    case DecodeErrc::TruncatedEthernetHeader:
        return "truncated Ethernet header";
    case DecodeErrc::WrongEtherType:
        return "not an AoE frame (wrong EtherType)";
    case DecodeErrc::TruncatedAoeHeader:
        return "truncated AoE header";
    case DecodeErrc::UnsupportedVersion:
        return "unsupported AoE version";
    case DecodeErrc::TruncatedAtaHeader:
        return "truncated ATA argument";
    case DecodeErrc::TruncatedConfigHeader:
        return "truncated Query Config argument";
    case DecodeErrc::ConfigStringTooLong:
        return "config string longer than 1024 bytes";
    case DecodeErrc::ConfigStringBeyondFrame:
        return "config string runs past the end of the frame";
    case DecodeErrc::TruncatedMacMaskHeader:
        return "truncated MAC Mask List argument";
    case DecodeErrc::DirectiveCountBeyondFrame:
        return "MAC mask directive count runs past the end of the frame";
    case DecodeErrc::TruncatedReserveHeader:
        return "truncated Reserve/Release argument";
    case DecodeErrc::MacCountBeyondFrame:
        return "reserve list MAC count runs past the end of the frame";
    case DecodeErrc::TruncatedIdentify:
        return "IDENTIFY data shorter than 512 bytes";
    case DecodeErrc::SectorCountTooLarge:
        return "IDENTIFY sector count beyond what 48-bit LBAs address";
    }
    return "unknown decode error";
}

std::string DecodeError::message() const
{
    switch (code) {
    case DecodeErrc::WrongEtherType:
        return fmt::format("{}: 0x{:04x}", errcName(code), detail);
    case DecodeErrc::UnsupportedVersion:
        return fmt::format("{}: {}", errcName(code), detail);
    case DecodeErrc::ConfigStringTooLong:
    case DecodeErrc::ConfigStringBeyondFrame:
    case DecodeErrc::DirectiveCountBeyondFrame:
    case DecodeErrc::MacCountBeyondFrame:
    case DecodeErrc::SectorCountTooLarge:
        return fmt::format("{} (count {}, at byte {})", errcName(code), detail, offset);
    default:
        return fmt::format("{} at byte {}", errcName(code), offset);
    }
}

} // namespace aoesan::protocol
