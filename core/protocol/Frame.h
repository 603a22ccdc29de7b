// SPDX-License-Identifier: GPL-3.0-or-later
// A whole AoE frame: header plus the argument its command defines; decode and encode.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "protocol/Arguments.h"
#include "protocol/DecodeError.h"
#include "protocol/Header.h"

namespace aoesan::protocol {

using Argument = std::variant<AtaArg, ConfigArg, MacMaskArg, ReserveArg, RawArg>;

struct Frame
{
    Header header;
    Argument arg;

    template<typename T> const T *as() const { return std::get_if<T>(&arg); }
    bool operator==(const Frame &) const = default;
};

enum class EncodeErrc : std::uint8_t {
    ConfigStringTooLong, // over 1024 bytes
    TooManyDirectives, // over 255
    TooManyMacs, // over 255
    ArgumentMismatch, // the argument type does not belong to header.command
};

struct EncodeError
{
    EncodeErrc code;
    std::string message() const;
    bool operator==(const EncodeError &) const = default;
};

// Decodes a received frame. Trailing bytes (Ethernet padding, a Linux path probe's zeros) are accepted;
// every field that points past the end is a typed error. AtaArg::data views `frame`.
Decoded<Frame> decodeFrame(std::span<const std::uint8_t> frame, DecodeOptions options = {});

// Encodes a frame padded to the 60-byte Ethernet minimum (veth and tap never pad, and aoetools drop
// anything shorter). The argument type must match header.command (RawArg goes with any command).
Result<std::vector<std::uint8_t>, EncodeError> encodeFrame(const Frame &frame);

// Same, into a caller-owned buffer (cleared first) so a hot path can reuse its allocation.
Result<std::size_t, EncodeError> encodeFrameInto(const Frame &frame, std::vector<std::uint8_t> &out);

} // namespace aoesan::protocol
