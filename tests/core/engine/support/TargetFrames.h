// SPDX-License-Identifier: GPL-3.0-or-later
// AoE frames for the target engine's tests, written byte by byte instead of through the codec, so a
// test of the target's rules never checks the codec against itself. The unit tests of TargetProtocol
// build requests and the exact replies they expect with it; the net tests fire the same kind of
// hostile frames at a running engine.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

#include "protocol/MacAddress.h"

namespace aoesan::test::frames {

// Byte 14: version 1 in the high nibble, R = 0x08, E = 0x04.
inline constexpr std::uint8_t kRequest = 0x10;
inline constexpr std::uint8_t kReply = 0x18;
inline constexpr std::uint8_t kErrorReply = 0x1C;

// Command bytes (header byte 19).
inline constexpr std::uint8_t kAta = 0;
inline constexpr std::uint8_t kConfig = 1;
inline constexpr std::uint8_t kMask = 2;
inline constexpr std::uint8_t kReserve = 3;

class RawFrame
{
public:
    RawFrame &u8(unsigned value)
    {
        m_bytes.append(static_cast<char>(value & 0xFFU));
        return *this;
    }
    RawFrame &u16(unsigned value) // big-endian, as every AoE field but the LBA
    {
        return u8(value >> 8U).u8(value);
    }
    RawFrame &u32(std::uint32_t value) { return u16(value >> 16U).u16(value & 0xFFFFU); }
    RawFrame &lba(std::uint64_t value) // 6 bytes, little-endian
    {
        for (unsigned i = 0; i < 6; ++i)
            u8(static_cast<unsigned>((value >> (8U * i)) & 0xFFU));
        return *this;
    }
    RawFrame &mac(const protocol::MacAddress &address)
    {
        for (const std::uint8_t b : address.bytes())
            u8(b);
        return *this;
    }
    RawFrame &raw(const QByteArray &bytes)
    {
        m_bytes.append(bytes);
        return *this;
    }
    RawFrame &fill(qsizetype count, char value = 0)
    {
        m_bytes.append(count, value);
        return *this;
    }
    // Zero bytes up to `size` (no-op if already that long): the 60-byte Ethernet minimum.
    RawFrame &padTo(qsizetype size = 60)
    {
        if (m_bytes.size() < size)
            m_bytes.append(size - m_bytes.size(), '\0');
        return *this;
    }
    RawFrame &cutTo(qsizetype size)
    {
        m_bytes.truncate(size);
        return *this;
    }

    // The 12-byte ATA argument (frame bytes 24-35); the two reserved bytes are zero.
    RawFrame &ata(
        unsigned aflags, unsigned featureOrError, unsigned count, unsigned commandOrStatus, std::uint64_t lbaValue)
    {
        return u8(aflags).u8(featureOrError).u8(count).u8(commandOrStatus).lba(lbaValue).u16(0);
    }
    // The 8-byte Query Config argument plus `text`; `length` may lie about the text on purpose.
    RawFrame &config(unsigned bufferCount, unsigned firmware, unsigned sectors, unsigned versionAndCcmd,
        unsigned length, const QByteArray &text)
    {
        return u16(bufferCount).u16(firmware).u8(sectors).u8(versionAndCcmd).u16(length).raw(text);
    }
    RawFrame &configRequest(unsigned ccmd, const QByteArray &text)
    {
        return config(0, 0, 0, ccmd, static_cast<unsigned>(text.size()), text);
    }
    RawFrame &mask(unsigned mcmd, unsigned merror, unsigned dirCount) { return u8(0).u8(mcmd).u8(merror).u8(dirCount); }
    RawFrame &directive(unsigned dcmd, const protocol::MacAddress &address) { return u8(0).u8(dcmd).mac(address); }
    RawFrame &reserve(unsigned rcmd, unsigned count) { return u8(rcmd).u8(count); }
    RawFrame &macs(const QList<protocol::MacAddress> &list)
    {
        for (const auto &m : list)
            mac(m);
        return *this;
    }

    const QByteArray &bytes() const { return m_bytes; }
    operator QByteArray() const { return m_bytes; } // NOLINT: a builder reads best without .bytes()

private:
    QByteArray m_bytes;
};

// Ethernet header (EtherType 0x88A2) and the 10-byte AoE common header.
inline RawFrame header(const protocol::MacAddress &destination, const protocol::MacAddress &source,
    std::uint8_t versionAndFlags, std::uint8_t error, std::uint16_t major, std::uint8_t minor, std::uint8_t command,
    std::uint32_t tag)
{
    RawFrame f;
    f.mac(destination).mac(source).u16(0x88A2);
    f.u8(versionAndFlags).u8(error).u16(major).u8(minor).u8(command).u32(tag);
    return f;
}

// One 512-byte sector whose content names its LBA, so a read of the wrong sector shows.
inline QByteArray sectorLabel(std::uint64_t lba)
{
    const QByteArray text = QByteArrayLiteral("aoesan target test lba ")
        + QByteArray::number(static_cast<qulonglong>(lba), 16).rightJustified(8, '0') + ' ';
    QByteArray sector;
    while (sector.size() < 512)
        sector.append(text);
    sector.truncate(512);
    return sector;
}

inline QByteArray sectorLabels(std::uint64_t first, std::uint64_t count)
{
    QByteArray data;
    for (std::uint64_t i = 0; i < count; ++i)
        data.append(sectorLabel(first + i));
    return data;
}

inline QByteArray macBytes(const protocol::MacAddress &address)
{
    return {reinterpret_cast<const char *>(address.bytes().data()), 6};
}

inline protocol::MacAddress mac(const char *text)
{
    return protocol::MacAddress::fromString(text).value_or(protocol::MacAddress());
}

// Locally administered MACs 02:00:5e:10:00:NN that never send: filler for mask and reserve lists.
inline protocol::MacAddress fillerMac(unsigned index)
{
    return protocol::MacAddress(
        {0x02, 0x00, 0x5e, 0x10, static_cast<std::uint8_t>(index >> 8U), static_cast<std::uint8_t>(index & 0xFFU)});
}

// Header fields of a received frame, for messages and for matching replies to requests.
inline std::uint32_t tagOf(const QByteArray &frame)
{
    if (frame.size() < 24)
        return 0;
    const auto b = [&](qsizetype i) { return static_cast<std::uint32_t>(static_cast<std::uint8_t>(frame[i])); };
    return (b(20) << 24U) | (b(21) << 16U) | (b(22) << 8U) | b(23);
}

inline bool isResponse(const QByteArray &frame)
{
    return frame.size() > 14 && (static_cast<std::uint8_t>(frame[14]) & 0x08U) != 0;
}

inline QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

} // namespace aoesan::test::frames
