// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/TargetJson.h"

#include <QDateTime>

#include "protocol/SizeFormat.h"

namespace aoesan::discovery {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonValue rttValue(const std::optional<Rtt> &rtt)
{
    // Microseconds fit a double exactly far beyond any round trip.
    return rtt ? QJsonValue(static_cast<double>(rtt->count())) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString isoTime(WallClock time)
{
    if (time == WallClock {})
        return {};
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject targetToJson(const TargetInfo &t)
{
    QJsonArray interfaces;
    QJsonArray paths;
    for (const auto &p : t.paths) {
        if (!interfaces.contains(text(p.interfaceName)))
            interfaces.append(text(p.interfaceName));
        paths.append(QJsonObject {
            {QStringLiteral("interface"), text(p.interfaceName)},
            {QStringLiteral("mac"), text(p.mac.toString())},
            {QStringLiteral("bufferCount"), p.bufferCount},
            {QStringLiteral("firmwareVersion"), p.firmwareVersion},
            {QStringLiteral("maxSectors"), p.maxSectors},
            {QStringLiteral("payload"), static_cast<double>(p.payload)},
            {QStringLiteral("rttUs"), rttValue(p.rtt)},
            {QStringLiteral("lastSeen"), isoTime(p.lastSeen)},
        });
    }
    QJsonArray backends;
    for (const auto &b : t.backends) {
        backends.append(QJsonObject {
            {QStringLiteral("mac"), text(b.mac.toString())},
            {QStringLiteral("identified"), b.identified},
            {QStringLiteral("sectors"), static_cast<double>(b.sectors)},
            {QStringLiteral("serial"), text(b.serial)},
        });
    }
    // Sector counts up to 2^48 are exact in a JSON number (a double holds 53 bits).
    return QJsonObject {
        {QStringLiteral("device"), text(t.id.deviceName())},
        {QStringLiteral("shelf"), t.id.shelf},
        {QStringLiteral("slot"), t.id.slot},
        {QStringLiteral("state"), QString::fromLatin1(stateName(t.state))},
        {QStringLiteral("conflict"), t.conflict},
        {QStringLiteral("conflictDetail"), text(t.conflictDetail)},
        {QStringLiteral("identified"), t.identified},
        {QStringLiteral("sectors"), static_cast<double>(t.sectors)},
        {QStringLiteral("sizeBytes"), static_cast<double>(t.sizeBytes())},
        {QStringLiteral("size"), t.identified ? text(protocol::aoeStatSize(t.sectors)) : QString()},
        {QStringLiteral("model"), text(t.model)},
        {QStringLiteral("serial"), text(t.serial)},
        {QStringLiteral("firmware"), text(t.firmware)},
        {QStringLiteral("lba48"), t.lba48},
        {QStringLiteral("flush"), t.flush},
        {QStringLiteral("flushExt"), t.flushExt},
        {QStringLiteral("configString"), text(t.configString)},
        {QStringLiteral("bufferCount"), t.bufferCount()},
        {QStringLiteral("firmwareVersion"), t.firmwareVersion()},
        {QStringLiteral("payload"), static_cast<double>(t.payload())},
        {QStringLiteral("interfaces"), interfaces},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("backends"), backends},
        {QStringLiteral("rttUs"), rttValue(t.rtt)},
        {QStringLiteral("lastSeen"), isoTime(t.lastSeen)},
    };
}

QJsonArray targetsToJson(const std::vector<TargetInfo> &targets)
{
    QJsonArray list;
    for (const auto &t : targets)
        list.append(targetToJson(t));
    return list;
}

} // namespace aoesan::discovery
