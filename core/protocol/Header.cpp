// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/Header.h"

#include "protocol/ByteIo.h"

namespace aoesan::protocol {

using namespace detail;

Decoded<Header> decodeHeader(std::span<const std::uint8_t> frame, DecodeOptions options)
{
    if (frame.size() < kEthernetHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedEthernetHeader, frame.size()});
    const std::uint16_t etherType = readU16(frame, 12);
    if (etherType != kEtherType)
        return Unexpected(DecodeError {DecodeErrc::WrongEtherType, 12, etherType});
    if (frame.size() < kCommonHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedAoeHeader, frame.size()});

    Header h;
    h.destination = readMac(frame, 0);
    h.source = readMac(frame, 6);
    const std::uint8_t verFlags = frame[14];
    h.version = static_cast<std::uint8_t>(verFlags >> 4U);
    if (options.requireVersion1 && h.version != kVersion)
        return Unexpected(DecodeError {DecodeErrc::UnsupportedVersion, 14, h.version});
    h.response = (verFlags & flags::Response) != 0;
    h.error = (verFlags & flags::Error) != 0;
    h.reservedFlags = verFlags & flags::ReservedMask;
    h.errorCode = frame[15];
    h.major = readU16(frame, 16);
    h.minor = frame[18];
    h.command = frame[19];
    h.tag = readU32(frame, 20);
    return h;
}

void encodeHeader(const Header &h, std::vector<std::uint8_t> &out)
{
    putMac(out, h.destination);
    putMac(out, h.source);
    putU16(out, kEtherType);
    putU8(out,
        static_cast<std::uint8_t>((unsigned {h.version} << 4U) | (h.response ? flags::Response : 0U)
            | (h.error ? flags::Error : 0U) | (h.reservedFlags & flags::ReservedMask)));
    putU8(out, h.errorCode);
    putU16(out, h.major);
    putU8(out, h.minor);
    putU8(out, h.command);
    putU32(out, h.tag);
}

} // namespace aoesan::protocol
