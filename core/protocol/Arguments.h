// SPDX-License-Identifier: GPL-3.0-or-later
// The argument of each AoE command (AoE r11 §3.2-§3.5) as value types.
// AtaArg::data is a view into the decoded buffer, so the engine's hot path copies no payload;
// keep the buffer alive while the view is used.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "protocol/Constants.h"
#include "protocol/MacAddress.h"

namespace aoesan::protocol {

struct AtaArg
{
    std::uint8_t aflags = 0; // aflags::Extended | Device | Async | Write
    std::uint8_t errFeature = 0;
    std::uint8_t sectorCount = 0;
    std::uint8_t cmdStatus = 0;
    std::uint64_t lba = 0; // 48 bits as on the wire (little-endian there), not masked
    std::span<const std::uint8_t> data;

    bool extended() const { return (aflags & aflags::Extended) != 0; }
    bool device() const { return (aflags & aflags::Device) != 0; }
    bool async() const { return (aflags & aflags::Async) != 0; }
    bool write() const { return (aflags & aflags::Write) != 0; }
    // The LBA an ATA command means: LBA28 commands carry the device register in lba3's high nibble.
    std::uint64_t effectiveLba() const
    {
        const bool lba48 = cmdStatus == ata::ReadSectorsExt || cmdStatus == ata::WriteSectorsExt;
        return lba & (lba48 ? ata::Lba48Mask : ata::Lba28Mask);
    }

    bool operator==(const AtaArg &o) const
    {
        return aflags == o.aflags && errFeature == o.errFeature && sectorCount == o.sectorCount
            && cmdStatus == o.cmdStatus && lba == o.lba && std::ranges::equal(data, o.data);
    }
};

struct ConfigArg
{
    std::uint16_t bufferCount = 0;
    std::uint16_t firmwareVersion = 0;
    std::uint8_t sectorCount = 0; // most sectors per ATA command; 0 means 2 (old servers)
    std::uint8_t aoeVersion = kVersion; // high nibble of byte 5; requests may leave it 0
    std::uint8_t ccmd = 0; // a ConfigCommand value
    std::string configString; // raw bytes, at most 1024

    ConfigCommand command() const { return static_cast<ConfigCommand>(ccmd); }
    std::uint8_t effectiveSectorCount() const { return sectorCount == 0 ? 2 : sectorCount; }

    bool operator==(const ConfigArg &) const = default;
};

struct MacMaskDirective
{
    std::uint8_t dcmd = 0; // a DirectiveCommand value
    MacAddress mac;

    bool operator==(const MacMaskDirective &) const = default;
};

struct MacMaskArg
{
    std::uint8_t mcmd = 0; // a MacMaskCommand value
    std::uint8_t merror = 0; // a MacMaskError value
    // Directives that follow; in an error reply, the index of the failing directive (and none follow).
    std::uint8_t dirCount = 0;
    std::vector<MacMaskDirective> directives;

    // A well-formed request or list reply: dirCount equals the number of directives.
    static MacMaskArg withDirectives(MacMaskCommand cmd, std::vector<MacMaskDirective> list);

    bool operator==(const MacMaskArg &) const = default;
};

struct ReserveArg
{
    std::uint8_t rcmd = 0; // a ReserveCommand value
    std::vector<MacAddress> macs;

    bool operator==(const ReserveArg &) const = default;
};

// The bytes after the common header of a command aoesan does not decode (vendor commands, 4).
struct RawArg
{
    std::span<const std::uint8_t> bytes;

    bool operator==(const RawArg &o) const { return std::ranges::equal(bytes, o.bytes); }
};

} // namespace aoesan::protocol
