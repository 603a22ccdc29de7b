// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/TargetJson.h"

#include <QDateTime>

#include <limits>

#include "protocol/SizeFormat.h"

namespace aoesan::discovery {

namespace {

namespace f = target_field;

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonValue rttValue(const std::optional<Rtt> &rtt)
{
    // Microseconds fit a double exactly far beyond any round trip.
    return rtt ? QJsonValue(static_cast<double>(rtt->count())) : QJsonValue(QJsonValue::Null);
}

template<typename T> T number(const QJsonObject &o, QLatin1StringView key)
{
    const double d = o.value(key).toDouble(0);
    if (d <= 0)
        return T {0};
    if (d >= static_cast<double>(std::numeric_limits<T>::max()))
        return std::numeric_limits<T>::max();
    return static_cast<T>(d);
}

std::string text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString().toStdString();
}

std::optional<Rtt> rtt(const QJsonObject &o)
{
    const QJsonValue v = o.value(f::kRttUs);
    if (!v.isDouble())
        return std::nullopt;
    // What rttValue writes: microseconds from 0 up to what a double holds exactly. Anything else is no
    // measurement; a value past the integer's range would make the conversion undefined behaviour (found by
    // fuzz_probe_event: "rttUs":7.7e21).
    const double us = v.toDouble();
    if (!(us >= 0 && us <= 9007199254740992.0)) // 2^53
        return std::nullopt;
    return Rtt(static_cast<Rtt::rep>(us));
}

protocol::MacAddress mac(const QJsonObject &o)
{
    return protocol::MacAddress::fromString(text(o, f::kMac)).value_or(protocol::MacAddress());
}

} // namespace

QString isoTime(WallClock time)
{
    if (time == WallClock {})
        return {};
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

WallClock wallClockFromIso(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return {};
    // The system clock counts nanoseconds in 64 bits: about 292 years either side of 1970. A date outside
    // (year 9999 is a valid ISO date) would overflow the conversion, which is undefined behaviour (found by
    // fuzz_probe_event); such a time is as unknown as a missing one.
    const qint64 ms = when.toMSecsSinceEpoch();
    constexpr qint64 kLimitMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(WallClock::duration::max()).count();
    if (ms > kLimitMs || ms < -kLimitMs)
        return {};
    return WallClock(std::chrono::milliseconds(ms));
}

QJsonObject targetToJson(const TargetInfo &t)
{
    QJsonArray interfaces;
    QJsonArray paths;
    for (const auto &p : t.paths) {
        if (!interfaces.contains(text(p.interfaceName)))
            interfaces.append(text(p.interfaceName));
        paths.append(QJsonObject {
            {f::kInterface, text(p.interfaceName)},
            {f::kMac, text(p.mac.toString())},
            {f::kBufferCount, p.bufferCount},
            {f::kFirmwareVersion, p.firmwareVersion},
            {f::kMaxSectors, p.maxSectors},
            {f::kPayload, static_cast<double>(p.payload)},
            {f::kRttUs, rttValue(p.rtt)},
            {f::kLastSeen, isoTime(p.lastSeen)},
        });
    }
    QJsonArray backends;
    for (const auto &b : t.backends) {
        backends.append(QJsonObject {
            {f::kMac, text(b.mac.toString())},
            {f::kIdentified, b.identified},
            {f::kSectors, static_cast<double>(b.sectors)},
            {f::kSerial, text(b.serial)},
        });
    }
    // Sector counts up to 2^48 are exact in a JSON number (a double holds 53 bits).
    return QJsonObject {
        {f::kDevice, text(t.id.deviceName())},
        {f::kShelf, t.id.shelf},
        {f::kSlot, t.id.slot},
        {f::kState, QString::fromLatin1(stateName(t.state))},
        {f::kConflict, t.conflict},
        {f::kConflictDetail, text(t.conflictDetail)},
        {f::kIdentified, t.identified},
        {f::kSectors, static_cast<double>(t.sectors)},
        {f::kSizeBytes, static_cast<double>(t.sizeBytes())},
        {f::kSize, t.identified ? text(protocol::aoeStatSize(t.sectors)) : QString()},
        {f::kModel, text(t.model)},
        {f::kSerial, text(t.serial)},
        {f::kFirmware, text(t.firmware)},
        {f::kLba48, t.lba48},
        {f::kFlush, t.flush},
        {f::kFlushExt, t.flushExt},
        {f::kConfigString, text(t.configString)},
        {f::kBufferCount, t.bufferCount()},
        {f::kFirmwareVersion, t.firmwareVersion()},
        {f::kPayload, static_cast<double>(t.payload())},
        {f::kInterfaces, interfaces},
        {f::kPaths, paths},
        {f::kBackends, backends},
        {f::kRttUs, rttValue(t.rtt)},
        {f::kLastSeen, isoTime(t.lastSeen)},
    };
}

QJsonArray targetsToJson(const std::vector<TargetInfo> &targets)
{
    QJsonArray list;
    for (const auto &t : targets)
        list.append(targetToJson(t));
    return list;
}

Result<TargetInfo, QString> targetFromJson(const QJsonObject &o)
{
    const QJsonValue shelf = o.value(f::kShelf);
    const QJsonValue slot = o.value(f::kSlot);
    if (!shelf.isDouble() || !slot.isDouble())
        return Unexpected(QStringLiteral("a target without a numeric shelf and slot"));
    const double s = shelf.toDouble();
    const double n = slot.toDouble();
    if (s < 0 || s > 65535 || n < 0 || n > 255)
        return Unexpected(QStringLiteral("shelf or slot out of range"));
    TargetInfo t;
    t.id = {static_cast<std::uint16_t>(s), static_cast<std::uint8_t>(n)};
    t.state = o.value(f::kState).toString() == QLatin1String(stateName(TargetState::Down)) ? TargetState::Down
                                                                                           : TargetState::Up;
    t.conflict = o.value(f::kConflict).toBool();
    t.conflictDetail = text(o, f::kConflictDetail);
    t.identified = o.value(f::kIdentified).toBool();
    t.sectors = number<std::uint64_t>(o, f::kSectors);
    t.model = text(o, f::kModel);
    t.serial = text(o, f::kSerial);
    t.firmware = text(o, f::kFirmware);
    t.lba48 = o.value(f::kLba48).toBool();
    t.flush = o.value(f::kFlush).toBool();
    t.flushExt = o.value(f::kFlushExt).toBool();
    t.configString = text(o, f::kConfigString);
    for (const QJsonValue &v : o.value(f::kPaths).toArray()) {
        const QJsonObject p = v.toObject();
        TargetPath path;
        path.interfaceName = text(p, f::kInterface);
        path.mac = mac(p);
        path.bufferCount = number<std::uint16_t>(p, f::kBufferCount);
        path.firmwareVersion = number<std::uint16_t>(p, f::kFirmwareVersion);
        path.maxSectors = number<std::uint8_t>(p, f::kMaxSectors);
        path.payload = number<std::uint32_t>(p, f::kPayload);
        path.rtt = rtt(p);
        path.lastSeen = wallClockFromIso(p.value(f::kLastSeen).toString());
        t.paths.push_back(std::move(path));
    }
    for (const QJsonValue &v : o.value(f::kBackends).toArray()) {
        const QJsonObject b = v.toObject();
        t.backends.push_back(
            {mac(b), b.value(f::kIdentified).toBool(), number<std::uint64_t>(b, f::kSectors), text(b, f::kSerial)});
    }
    t.rtt = rtt(o);
    t.lastSeen = wallClockFromIso(o.value(f::kLastSeen).toString());
    return t;
}

} // namespace aoesan::discovery
