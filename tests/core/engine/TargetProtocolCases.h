// SPDX-License-Identifier: GPL-3.0-or-later
// The rule table of tst_target_protocol: one case per rule of AOE-PROTOCOL §1-2 a target must follow,
// each a request written as bytes, the export state before it, and the exact reply (or none) and
// state after it. Kept apart from the test so the checks stay short enough to read.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

#include "TargetFrames.h"
#include "engine/ExportState.h"
#include "engine/TargetProtocol.h"

namespace aoesan::test::cases {

// The export every case runs against: e7.3 on a 64-sector image whose sectors carry their labels.
inline constexpr std::uint16_t kShelf = 7;
inline constexpr std::uint8_t kSlot = 3;
inline constexpr std::uint16_t kBufferCount = 16;
inline constexpr std::uint16_t kFirmware = 0xA010;
inline constexpr std::uint8_t kMaxSectors = 2; // MTU 1500
inline constexpr std::uint64_t kImageSectors = 64;

inline const protocol::MacAddress kTarget = frames::mac("02:00:00:00:a0:01");
inline const protocol::MacAddress kA = frames::mac("02:00:00:00:a0:02"); // the usual initiator
inline const protocol::MacAddress kB = frames::mac("02:00:00:00:a0:0b"); // a second host
inline const protocol::MacAddress kC = frames::mac("02:00:00:00:a0:0c");
inline const protocol::MacAddress kD = frames::mac("02:00:00:00:a0:0d");

// The IDENTIFY strings the test's AtaDevice is built with.
protocol::IdentifyInfo identityInfo();
engine::TargetIdentity targetIdentity();

engine::ExportState exportState(const std::string &config = {}, const std::vector<protocol::MacAddress> &masks = {},
    const std::vector<protocol::MacAddress> &reserve = {});

struct ProtocolCase
{
    QString name;
    QByteArray request;
    engine::ExportState before;
    engine::Verdict verdict = engine::Verdict::Drop;
    QByteArray reply; // empty: nothing goes back
    engine::ExportState after;
};

// A mask edit adding `mac` and a reserve set (rcmd 1) or force set (rcmd 2) of `mac`, sent from `from`.
QByteArray maskAddRequest(std::uint32_t tag, const protocol::MacAddress &mac, const protocol::MacAddress &from);
QByteArray reserveSetRequest(
    std::uint32_t tag, unsigned rcmd, const protocol::MacAddress &mac, const protocol::MacAddress &from);

QList<ProtocolCase> addressingCases();
QList<ProtocolCase> versionAndCommandCases();
QList<ProtocolCase> configCases();
QList<ProtocolCase> maskCases();
QList<ProtocolCase> reserveCases();
QList<ProtocolCase> ataCases(const QByteArray &identifyBlock);

} // namespace aoesan::test::cases
