// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/Frame.h"

#include "protocol/ByteIo.h"

namespace aoesan::protocol {

using namespace detail;

namespace {

Decoded<Argument> decodeAta(Bytes frame)
{
    constexpr std::size_t at = kCommonHeaderSize;
    if (frame.size() < at + kAtaHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedAtaHeader, frame.size()});
    AtaArg a;
    a.aflags = frame[at];
    a.errFeature = frame[at + 1];
    a.sectorCount = frame[at + 2];
    a.cmdStatus = frame[at + 3];
    for (std::size_t i = 0; i < 6; ++i)
        a.lba |= std::uint64_t {frame[at + 4 + i]} << (8U * i); // LBA bytes are little-endian
    a.data = frame.subspan(at + kAtaHeaderSize);
    return Argument(a);
}

Decoded<Argument> decodeConfig(Bytes frame)
{
    constexpr std::size_t at = kCommonHeaderSize;
    if (frame.size() < at + kConfigHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedConfigHeader, frame.size()});
    ConfigArg c;
    c.bufferCount = readU16(frame, at);
    c.firmwareVersion = readU16(frame, at + 2);
    c.sectorCount = frame[at + 4];
    c.aoeVersion = static_cast<std::uint8_t>(frame[at + 5] >> 4U);
    c.ccmd = frame[at + 5] & 0x0FU;
    const std::size_t length = readU16(frame, at + 6);
    if (length > kMaxConfigStringLength)
        return Unexpected(DecodeError {DecodeErrc::ConfigStringTooLong, at + 6, length});
    const std::size_t stringAt = at + kConfigHeaderSize;
    if (frame.size() - stringAt < length)
        return Unexpected(DecodeError {DecodeErrc::ConfigStringBeyondFrame, at + 6, length});
    c.configString.assign(reinterpret_cast<const char *>(frame.data() + stringAt), length);
    return Argument(std::move(c));
}

Decoded<Argument> decodeMacMask(Bytes frame, bool response)
{
    constexpr std::size_t at = kCommonHeaderSize;
    if (frame.size() < at + kMacMaskHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedMacMaskHeader, frame.size()});
    MacMaskArg m;
    m.mcmd = frame[at + 1];
    m.merror = frame[at + 2];
    m.dirCount = frame[at + 3];
    // A failed edit reply names the failing directive's index in dirCount and carries no list.
    if (response && m.merror != 0)
        return Argument(std::move(m));
    const std::size_t first = at + kMacMaskHeaderSize;
    if ((frame.size() - first) / kMacMaskDirectiveSize < m.dirCount)
        return Unexpected(DecodeError {DecodeErrc::DirectiveCountBeyondFrame, at + 3, m.dirCount});
    m.directives.reserve(m.dirCount);
    for (std::size_t i = 0; i < m.dirCount; ++i) {
        const std::size_t d = first + i * kMacMaskDirectiveSize;
        m.directives.push_back({frame[d + 1], readMac(frame, d + 2)});
    }
    return Argument(std::move(m));
}

Decoded<Argument> decodeReserve(Bytes frame)
{
    constexpr std::size_t at = kCommonHeaderSize;
    if (frame.size() < at + kReserveHeaderSize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedReserveHeader, frame.size()});
    ReserveArg r;
    r.rcmd = frame[at];
    const std::size_t count = frame[at + 1];
    const std::size_t first = at + kReserveHeaderSize;
    if ((frame.size() - first) / 6 < count)
        return Unexpected(DecodeError {DecodeErrc::MacCountBeyondFrame, at + 1, count});
    r.macs.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        r.macs.push_back(readMac(frame, first + i * 6));
    return Argument(std::move(r));
}

struct ArgumentEncoder
{
    std::vector<std::uint8_t> &out;
    std::uint8_t command;

    Result<bool, EncodeError> operator()(const AtaArg &a) const
    {
        if (command != static_cast<std::uint8_t>(Command::Ata))
            return Unexpected(EncodeError {EncodeErrc::ArgumentMismatch});
        putU8(out, a.aflags);
        putU8(out, a.errFeature);
        putU8(out, a.sectorCount);
        putU8(out, a.cmdStatus);
        for (std::size_t i = 0; i < 6; ++i)
            putU8(out, static_cast<std::uint8_t>(a.lba >> (8U * i)));
        putU16(out, 0);
        out.insert(out.end(), a.data.begin(), a.data.end());
        return true;
    }
    Result<bool, EncodeError> operator()(const ConfigArg &c) const
    {
        if (command != static_cast<std::uint8_t>(Command::QueryConfig))
            return Unexpected(EncodeError {EncodeErrc::ArgumentMismatch});
        if (c.configString.size() > kMaxConfigStringLength)
            return Unexpected(EncodeError {EncodeErrc::ConfigStringTooLong});
        putU16(out, c.bufferCount);
        putU16(out, c.firmwareVersion);
        putU8(out, c.sectorCount);
        putU8(out, static_cast<std::uint8_t>((unsigned {c.aoeVersion} << 4U) | (c.ccmd & 0x0FU)));
        putU16(out, static_cast<std::uint16_t>(c.configString.size()));
        out.insert(out.end(), c.configString.begin(), c.configString.end());
        return true;
    }
    Result<bool, EncodeError> operator()(const MacMaskArg &m) const
    {
        if (command != static_cast<std::uint8_t>(Command::MacMask))
            return Unexpected(EncodeError {EncodeErrc::ArgumentMismatch});
        if (m.directives.size() > 255)
            return Unexpected(EncodeError {EncodeErrc::TooManyDirectives});
        putU8(out, 0);
        putU8(out, m.mcmd);
        putU8(out, m.merror);
        putU8(out, m.dirCount);
        for (const auto &d : m.directives) {
            putU8(out, 0);
            putU8(out, d.dcmd);
            putMac(out, d.mac);
        }
        return true;
    }
    Result<bool, EncodeError> operator()(const ReserveArg &r) const
    {
        if (command != static_cast<std::uint8_t>(Command::Reserve))
            return Unexpected(EncodeError {EncodeErrc::ArgumentMismatch});
        if (r.macs.size() > 255)
            return Unexpected(EncodeError {EncodeErrc::TooManyMacs});
        putU8(out, r.rcmd);
        putU8(out, static_cast<std::uint8_t>(r.macs.size()));
        for (const auto &mac : r.macs)
            putMac(out, mac);
        return true;
    }
    Result<bool, EncodeError> operator()(const RawArg &raw) const
    {
        out.insert(out.end(), raw.bytes.begin(), raw.bytes.end());
        return true;
    }
};

} // namespace

std::string EncodeError::message() const
{
    switch (code) {
    case EncodeErrc::ConfigStringTooLong:
        return "config string longer than 1024 bytes";
    case EncodeErrc::TooManyDirectives:
        return "more than 255 MAC mask directives";
    case EncodeErrc::TooManyMacs:
        return "more than 255 reserve list MACs";
    case EncodeErrc::ArgumentMismatch:
        return "argument does not match the command";
    }
    return "unknown encode error";
}

Decoded<Frame> decodeFrame(std::span<const std::uint8_t> frame, DecodeOptions options)
{
    auto header = decodeHeader(frame, options);
    if (!header)
        return Unexpected(header.error());

    Decoded<Argument> arg = [&]() -> Decoded<Argument> {
        switch (header->commandCode()) {
        case Command::Ata:
            return decodeAta(frame);
        case Command::QueryConfig:
            return decodeConfig(frame);
        case Command::MacMask:
            return decodeMacMask(frame, header->response);
        case Command::Reserve:
            return decodeReserve(frame);
        case Command::KeyedReserve:
            break;
        }
        return Argument(RawArg {frame.subspan(kCommonHeaderSize)});
    }();
    if (!arg)
        return Unexpected(arg.error());
    return Frame {header.value(), std::move(arg).value()};
}

Result<std::size_t, EncodeError> encodeFrameInto(const Frame &frame, std::vector<std::uint8_t> &out)
{
    out.clear();
    encodeHeader(frame.header, out);
    auto written = std::visit(ArgumentEncoder {out, frame.header.command}, frame.arg);
    if (!written)
        return Unexpected(written.error());
    if (out.size() < kMinimumFrameSize)
        out.resize(kMinimumFrameSize, 0);
    return out.size();
}

Result<std::vector<std::uint8_t>, EncodeError> encodeFrame(const Frame &frame)
{
    std::vector<std::uint8_t> out;
    out.reserve(kMinimumFrameSize);
    auto size = encodeFrameInto(frame, out);
    if (!size)
        return Unexpected(size.error());
    return out;
}

MacMaskArg MacMaskArg::withDirectives(MacMaskCommand cmd, std::vector<MacMaskDirective> list)
{
    MacMaskArg m;
    m.mcmd = static_cast<std::uint8_t>(cmd);
    m.dirCount = static_cast<std::uint8_t>(list.size() > 255 ? 255 : list.size());
    m.directives = std::move(list);
    return m;
}

} // namespace aoesan::protocol
