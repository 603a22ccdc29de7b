// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/Identify.h"

#include <algorithm>

namespace aoesan::protocol {

namespace {

void putWord(IdentifyBlock &b, std::size_t word, std::uint16_t value)
{
    b[word * 2] = static_cast<std::uint8_t>(value);
    b[word * 2 + 1] = static_cast<std::uint8_t>(value >> 8U);
}

// ATA strings: space padded, and each word stores its first character in the high byte.
void putString(IdentifyBlock &b, std::size_t word, std::size_t chars, const std::string &text)
{
    for (std::size_t i = 0; i < chars; ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        b[word * 2 + (i ^ 1U)] = static_cast<std::uint8_t>(c);
    }
}

std::string readString(std::span<const std::uint8_t> b, std::size_t word, std::size_t chars)
{
    std::string text(chars, ' ');
    for (std::size_t i = 0; i < chars; ++i)
        text[i] = static_cast<char>(b[word * 2 + (i ^ 1U)]);
    const auto end = text.find_last_not_of(std::string_view(" \0", 2));
    text.erase(end == std::string::npos ? 0 : end + 1);
    return text;
}

} // namespace

std::uint16_t identifyWord(std::span<const std::uint8_t> block, std::size_t word)
{
    return static_cast<std::uint16_t>(block[word * 2] | (block[word * 2 + 1] << 8U));
}

IdentifyBlock buildIdentify(const IdentifyInfo &info)
{
    using namespace identify_word;
    IdentifyBlock b {};
    putString(b, Serial, 20, info.serial);
    putString(b, Firmware, 8, info.firmware);
    putString(b, Model, 40, info.model);
    putWord(b, 47, 0x8000);
    putWord(b, Capabilities, 0x0200);
    putWord(b, 50, 0x4000);
    const std::uint32_t lba28 = std::min<std::uint32_t>(info.lba28Sectors, 0x0FFFFFFF);
    putWord(b, Lba28Count, static_cast<std::uint16_t>(lba28));
    putWord(b, Lba28Count + 1, static_cast<std::uint16_t>(lba28 >> 16U));
    putWord(b, CommandSet1, info.smart ? 0x0001 : 0x0000);
    const auto features = static_cast<std::uint16_t>(
        0x4000 | (info.flush ? 0x1000 : 0) | (info.flushExt ? 0x2000 : 0) | (info.lba48 ? 0x0400 : 0));
    putWord(b, CommandSet2, features);
    putWord(b, 84, 0x4000);
    putWord(b, CommandSetEnabled2, static_cast<std::uint16_t>(features & ~0x4000U));
    putWord(b, 87, 0x4000);
    putWord(b, 93, 0x400B);
    for (std::size_t i = 0; i < 4; ++i)
        putWord(b, Lba48Count + i, static_cast<std::uint16_t>(info.lba48Sectors >> (16U * i)));
    return b;
}

Decoded<IdentifyInfo> parseIdentify(std::span<const std::uint8_t> block)
{
    using namespace identify_word;
    if (block.size() < kIdentifySize)
        return Unexpected(DecodeError {DecodeErrc::TruncatedIdentify, block.size()});
    IdentifyInfo info;
    info.serial = readString(block, Serial, 20);
    info.firmware = readString(block, Firmware, 8);
    info.model = readString(block, Model, 40);
    info.lba28Sectors = identifyWord(block, Lba28Count) | (std::uint32_t {identifyWord(block, Lba28Count + 1)} << 16U);
    for (std::size_t i = 0; i < 4; ++i)
        info.lba48Sectors |= std::uint64_t {identifyWord(block, Lba48Count + i)} << (16U * i);
    const std::uint16_t w83 = identifyWord(block, CommandSet2);
    const std::uint16_t w86 = identifyWord(block, CommandSetEnabled2);
    info.lba48 = ((w83 | w86) & 0x0400U) != 0;
    info.flush = (w83 & 0x1000U) != 0;
    info.flushExt = (w83 & 0x2000U) != 0;
    info.smart = (identifyWord(block, CommandSet1) & 0x0001U) != 0;
    // A 48-bit LBA addresses at most 2^48 sectors, but the field is 64 bits wide: a larger count is
    // malformed, and its size in bytes would not even fit in 64 bits. Without LBA48 the field is unused.
    if (info.lba48 && info.lba48Sectors > (std::uint64_t {1} << 48U))
        return Unexpected(DecodeError {DecodeErrc::SectorCountTooLarge, Lba48Count * 2, info.lba48Sectors});
    return info;
}

} // namespace aoesan::protocol
