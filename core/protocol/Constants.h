// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers of the AoE r11 wire format and of the ATA commands a target sees (AoE spec r11, ATA-8).
#pragma once

#include <cstddef>
#include <cstdint>

namespace aoesan::protocol {

inline constexpr std::uint16_t kEtherType = 0x88A2;
inline constexpr std::uint8_t kVersion = 1;
inline constexpr std::size_t kEthernetHeaderSize = 14;
inline constexpr std::size_t kAoeHeaderSize = 10; // Ver/Flags .. Tag
inline constexpr std::size_t kCommonHeaderSize = kEthernetHeaderSize + kAoeHeaderSize; // 24
inline constexpr std::size_t kAtaHeaderSize = 12;
inline constexpr std::size_t kConfigHeaderSize = 8;
inline constexpr std::size_t kMacMaskHeaderSize = 4;
inline constexpr std::size_t kMacMaskDirectiveSize = 8;
inline constexpr std::size_t kReserveHeaderSize = 2;
inline constexpr std::size_t kMinimumFrameSize = 60; // Ethernet minimum without FCS; veth never pads
inline constexpr std::size_t kMaxConfigStringLength = 1024;
inline constexpr std::size_t kSectorSize = 512;
inline constexpr std::uint16_t kBroadcastMajor = 0xFFFF;
inline constexpr std::uint8_t kBroadcastMinor = 0xFF;
// The Linux initiator ignores shelf 4095 ("dip switches set wrong").
inline constexpr std::uint16_t kLinuxRejectedMajor = 0x0FFF;
// Userland initiators set tag bit 31 so they never collide with a kernel initiator on the same host.
inline constexpr std::uint32_t kUserTagBit = 0x80000000U;
// Every implementation computes sectors per frame as floor((MTU - 36) / 512).
inline constexpr std::size_t kMtuOverhead = 36;

namespace flags {
inline constexpr std::uint8_t Response = 0x08;
inline constexpr std::uint8_t Error = 0x04;
inline constexpr std::uint8_t ReservedMask = 0x03;
} // namespace flags

enum class Command : std::uint8_t {
    Ata = 0,
    QueryConfig = 1,
    MacMask = 2,
    Reserve = 3,
    KeyedReserve = 4, // Coraid extension, not in r11
};

// AoE error codes (header byte 15 when the E flag is set).
enum class AoeError : std::uint8_t {
    None = 0,
    UnrecognizedCommand = 1,
    BadArgument = 2,
    DeviceUnavailable = 3,
    ConfigStringPresent = 4,
    UnsupportedVersion = 5,
    TargetReserved = 6,
};

namespace aflags {
inline constexpr std::uint8_t Extended = 0x40;
inline constexpr std::uint8_t Device = 0x10;
inline constexpr std::uint8_t Async = 0x02;
inline constexpr std::uint8_t Write = 0x01;
inline constexpr std::uint8_t ReservedMask = 0xAC;
} // namespace aflags

namespace ata {
inline constexpr std::uint8_t ReadSectors = 0x20;
inline constexpr std::uint8_t ReadSectorsExt = 0x24;
inline constexpr std::uint8_t WriteSectors = 0x30;
inline constexpr std::uint8_t WriteSectorsExt = 0x34;
inline constexpr std::uint8_t Smart = 0xB0;
inline constexpr std::uint8_t CheckPowerMode = 0xE5;
inline constexpr std::uint8_t FlushCache = 0xE7;
inline constexpr std::uint8_t FlushCacheExt = 0xEA;
inline constexpr std::uint8_t IdentifyDevice = 0xEC;

// Status register bits.
inline constexpr std::uint8_t StatusBusy = 0x80;
inline constexpr std::uint8_t StatusReady = 0x40;
inline constexpr std::uint8_t StatusDeviceFault = 0x20;
inline constexpr std::uint8_t StatusDataRequest = 0x08;
inline constexpr std::uint8_t StatusError = 0x01;
// Error register bits.
inline constexpr std::uint8_t ErrorUncorrectable = 0x40;
inline constexpr std::uint8_t ErrorIdNotFound = 0x10;
inline constexpr std::uint8_t ErrorAborted = 0x04;

// LBA28 commands carry the device/head register in the high nibble of lba3.
inline constexpr std::uint64_t Lba28Mask = 0x0FFFFFFF;
inline constexpr std::uint64_t Lba48Mask = 0xFFFFFFFFFFFF;
} // namespace ata

enum class ConfigCommand : std::uint8_t {
    Read = 0,
    TestExact = 1,
    TestPrefix = 2,
    SetIfEmpty = 3,
    ForceSet = 4,
};

enum class MacMaskCommand : std::uint8_t { Read = 0, Edit = 1 };
enum class MacMaskError : std::uint8_t { None = 0, Unspecified = 1, BadDirective = 2, ListFull = 3 };
enum class DirectiveCommand : std::uint8_t { None = 0, Add = 1, Delete = 2 };
enum class ReserveCommand : std::uint8_t { Read = 0, Set = 1, ForceSet = 2 };

// Sectors that fit one frame at this MTU, as every implementation computes it, capped by the 8-bit field.
constexpr std::uint8_t sectorsPerFrame(std::size_t mtu)
{
    if (mtu <= kMtuOverhead)
        return 0;
    const std::size_t sectors = (mtu - kMtuOverhead) / kSectorSize;
    return static_cast<std::uint8_t>(sectors > 255 ? 255 : sectors);
}

} // namespace aoesan::protocol
