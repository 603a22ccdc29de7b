// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery snapshots as JSON, both ways: the `target` object of `aoesan-engine probe`'s events, of
// `aoesan-ctl stat --json` and of the service's Target objects (docs/probe-events.md lists the fields).
// Sizes are numbers; the aoe-stat text is included for people. The writer and the reader share the keys.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <vector>

#include "discovery/TargetInfo.h"
#include "util/Result.h"

namespace aoesan::discovery {

// The keys of a target object and of its `paths` and `backends` entries (some appear in all three).
namespace target_field {
inline constexpr QLatin1StringView kDevice {"device"};
inline constexpr QLatin1StringView kShelf {"shelf"};
inline constexpr QLatin1StringView kSlot {"slot"};
inline constexpr QLatin1StringView kState {"state"}; // stateName(): up or down
inline constexpr QLatin1StringView kConflict {"conflict"};
inline constexpr QLatin1StringView kConflictDetail {"conflictDetail"};
inline constexpr QLatin1StringView kIdentified {"identified"}; // also backends
inline constexpr QLatin1StringView kSectors {"sectors"}; // also backends
inline constexpr QLatin1StringView kSizeBytes {"sizeBytes"};
inline constexpr QLatin1StringView kSize {"size"};
inline constexpr QLatin1StringView kModel {"model"};
inline constexpr QLatin1StringView kSerial {"serial"}; // also backends
inline constexpr QLatin1StringView kFirmware {"firmware"};
inline constexpr QLatin1StringView kLba48 {"lba48"};
inline constexpr QLatin1StringView kFlush {"flush"};
inline constexpr QLatin1StringView kFlushExt {"flushExt"};
inline constexpr QLatin1StringView kConfigString {"configString"};
inline constexpr QLatin1StringView kBufferCount {"bufferCount"}; // also paths
inline constexpr QLatin1StringView kFirmwareVersion {"firmwareVersion"}; // also paths
inline constexpr QLatin1StringView kPayload {"payload"}; // also paths
inline constexpr QLatin1StringView kInterfaces {"interfaces"};
inline constexpr QLatin1StringView kPaths {"paths"};
inline constexpr QLatin1StringView kBackends {"backends"};
inline constexpr QLatin1StringView kRttUs {"rttUs"}; // also paths
inline constexpr QLatin1StringView kLastSeen {"lastSeen"}; // also paths
// paths only
inline constexpr QLatin1StringView kInterface {"interface"};
inline constexpr QLatin1StringView kMac {"mac"}; // also backends
inline constexpr QLatin1StringView kMaxSectors {"maxSectors"};
inline constexpr std::array kAll {kDevice, kShelf, kSlot, kState, kConflict, kConflictDetail, kIdentified, kSectors,
    kSizeBytes, kSize, kModel, kSerial, kFirmware, kLba48, kFlush, kFlushExt, kConfigString, kBufferCount,
    kFirmwareVersion, kPayload, kInterfaces, kPaths, kBackends, kRttUs, kLastSeen, kInterface, kMac, kMaxSectors};
} // namespace target_field

QJsonObject targetToJson(const TargetInfo &target);
QJsonArray targetsToJson(const std::vector<TargetInfo> &targets);
// The inverse of targetToJson; an error names the missing or mistyped field.
Result<TargetInfo, QString> targetFromJson(const QJsonObject &object);

// ISO 8601 UTC with milliseconds, "2026-11-24T17:56:21.123Z"; empty for a default time point.
QString isoTime(WallClock time);
// Parses isoTime()'s format; a default time point for an empty or bad text, or a time the clock cannot hold.
WallClock wallClockFromIso(const QString &text);

} // namespace aoesan::discovery
