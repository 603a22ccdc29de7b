// SPDX-License-Identifier: GPL-3.0-or-later
// The 512-byte ATA IDENTIFY DEVICE block: build it (target) and parse it (initiator).
// Words are little-endian; string words hold their first character in the high byte.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "protocol/DecodeError.h"

namespace aoesan::protocol {

inline constexpr std::size_t kIdentifySize = 512;
using IdentifyBlock = std::array<std::uint8_t, kIdentifySize>;

namespace identify_word {
inline constexpr std::size_t Serial = 10; // 10 words, 20 characters
inline constexpr std::size_t Firmware = 23; // 4 words, 8 characters
inline constexpr std::size_t Model = 27; // 20 words, 40 characters
inline constexpr std::size_t Capabilities = 49; // bit 9: LBA supported
inline constexpr std::size_t Lba28Count = 60; // 2 words
inline constexpr std::size_t CommandSet1 = 82; // bit 0: SMART
inline constexpr std::size_t CommandSet2 = 83; // bit 10: LBA48, bit 12: FLUSH CACHE, bit 13: FLUSH EXT
inline constexpr std::size_t CommandSetEnabled2 = 86;
inline constexpr std::size_t Lba48Count = 100; // 4 words
} // namespace identify_word

struct IdentifyInfo
{
    std::string serial; // up to 20 characters
    std::string firmware; // up to 8
    std::string model; // up to 40
    std::uint32_t lba28Sectors = 0; // words 60-61, clamped to 0x0FFFFFFF when built
    std::uint64_t lba48Sectors = 0; // words 100-103
    bool lba48 = false; // word 83 or 86 bit 10 (the Linux initiator's test)
    bool flush = false; // word 83 bit 12
    bool flushExt = false; // word 83 bit 13
    bool smart = false; // word 82 bit 0

    // The device size every initiator uses: LBA48 count when advertised, else LBA28.
    std::uint64_t sectors() const { return lba48 ? lba48Sectors : lba28Sectors; }
    std::uint64_t sizeBytes() const { return sectors() * 512U; }

    bool operator==(const IdentifyInfo &) const = default;
};

// Builds a block in vblade's layout (AOE-PROTOCOL §2.4) from these values; strings longer than
// their field are cut, shorter ones padded with spaces. The LBA28 count is clamped to 28 bits.
IdentifyBlock buildIdentify(const IdentifyInfo &info);

// Parses the strings (trailing spaces dropped), the counts and the feature bits.
Decoded<IdentifyInfo> parseIdentify(std::span<const std::uint8_t> block);

// Reads one 16-bit word of a block of at least 512 bytes.
std::uint16_t identifyWord(std::span<const std::uint8_t> block, std::size_t word);

} // namespace aoesan::protocol
