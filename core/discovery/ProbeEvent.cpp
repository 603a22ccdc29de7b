// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/ProbeEvent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace aoesan::discovery {

namespace {

template<typename T> T number(const QJsonObject &o, const char *key)
{
    const double d = o.value(QLatin1String(key)).toDouble(0);
    if (d <= 0)
        return T {0};
    if (d >= static_cast<double>(std::numeric_limits<T>::max()))
        return std::numeric_limits<T>::max();
    return static_cast<T>(d);
}

std::string text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

std::optional<Rtt> rtt(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1String("rttUs"));
    if (!v.isDouble())
        return std::nullopt;
    return Rtt(static_cast<Rtt::rep>(v.toDouble()));
}

protocol::MacAddress mac(const QJsonObject &o)
{
    return protocol::MacAddress::fromString(text(o, "mac")).value_or(protocol::MacAddress());
}

} // namespace

WallClock wallClockFromIso(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return {};
    return WallClock(std::chrono::milliseconds(when.toMSecsSinceEpoch()));
}

Result<TargetInfo, QString> targetFromJson(const QJsonObject &o)
{
    const QJsonValue shelf = o.value(QLatin1String("shelf"));
    const QJsonValue slot = o.value(QLatin1String("slot"));
    if (!shelf.isDouble() || !slot.isDouble())
        return Unexpected(QStringLiteral("a target without a numeric shelf and slot"));
    const double s = shelf.toDouble();
    const double n = slot.toDouble();
    if (s < 0 || s > 65535 || n < 0 || n > 255)
        return Unexpected(QStringLiteral("shelf or slot out of range"));
    TargetInfo t;
    t.id = {static_cast<std::uint16_t>(s), static_cast<std::uint8_t>(n)};
    t.state = o.value(QLatin1String("state")).toString() == QLatin1String("down") ? TargetState::Down : TargetState::Up;
    t.conflict = o.value(QLatin1String("conflict")).toBool();
    t.conflictDetail = text(o, "conflictDetail");
    t.identified = o.value(QLatin1String("identified")).toBool();
    t.sectors = number<std::uint64_t>(o, "sectors");
    t.model = text(o, "model");
    t.serial = text(o, "serial");
    t.firmware = text(o, "firmware");
    t.lba48 = o.value(QLatin1String("lba48")).toBool();
    t.flush = o.value(QLatin1String("flush")).toBool();
    t.flushExt = o.value(QLatin1String("flushExt")).toBool();
    t.configString = text(o, "configString");
    for (const QJsonValue &v : o.value(QLatin1String("paths")).toArray()) {
        const QJsonObject p = v.toObject();
        TargetPath path;
        path.interfaceName = text(p, "interface");
        path.mac = mac(p);
        path.bufferCount = number<std::uint16_t>(p, "bufferCount");
        path.firmwareVersion = number<std::uint16_t>(p, "firmwareVersion");
        path.maxSectors = number<std::uint8_t>(p, "maxSectors");
        path.payload = number<std::uint32_t>(p, "payload");
        path.rtt = rtt(p);
        path.lastSeen = wallClockFromIso(p.value(QLatin1String("lastSeen")).toString());
        t.paths.push_back(std::move(path));
    }
    for (const QJsonValue &v : o.value(QLatin1String("backends")).toArray()) {
        const QJsonObject b = v.toObject();
        t.backends.push_back({mac(b), b.value(QLatin1String("identified")).toBool(),
            number<std::uint64_t>(b, "sectors"), text(b, "serial")});
    }
    t.rtt = rtt(o);
    t.lastSeen = wallClockFromIso(o.value(QLatin1String("lastSeen")).toString());
    return t;
}

ProbeEvent parseProbeEvent(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return probe::Garbage {
            line, error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("not a JSON object")};
    const QJsonObject o = doc.object();
    const QJsonValue name = o.value(QLatin1String("event"));
    if (!name.isString())
        return probe::Garbage {line, QStringLiteral("no \"event\" field")};
    const QString kind = name.toString();
    static const std::pair<const char *, probe::TargetEvent::Kind> targetKinds[] = {
        {"added", probe::TargetEvent::Kind::Added},
        {"changed", probe::TargetEvent::Kind::Changed},
        {"state", probe::TargetEvent::Kind::State},
        {"removed", probe::TargetEvent::Kind::Removed},
        {"rtt", probe::TargetEvent::Kind::Rtt},
    };
    for (const auto &[word, targetKind] : targetKinds) {
        if (kind != QLatin1String(word))
            continue;
        auto target = targetFromJson(o.value(QLatin1String("target")).toObject());
        if (!target)
            return probe::Garbage {line, target.error()};
        return probe::TargetEvent {targetKind, std::move(target).value()};
    }
    if (kind == QLatin1String("started")) {
        probe::Started started;
        started.pid = number<qint64>(o, "pid");
        started.interval = std::chrono::milliseconds(number<qint64>(o, "intervalMs"));
        for (const QJsonValue &v : o.value(QLatin1String("interfaces")).toArray()) {
            const QJsonObject i = v.toObject();
            started.interfaces.push_back({i.value(QLatin1String("name")).toString(),
                i.value(QLatin1String("mac")).toString(), number<int>(i, "mtu")});
        }
        return started;
    }
    if (kind == QLatin1String("warning"))
        return probe::Warning {
            o.value(QLatin1String("message")).toString(), o.value(QLatin1String("interface")).toString()};
    if (kind == QLatin1String("error")) {
        return probe::Error {o.value(QLatin1String("code")).toString(), o.value(QLatin1String("message")).toString(),
            o.value(QLatin1String("fix")).toString()};
    }
    if (kind == QLatin1String("reply")) {
        auto reply = replyFromJson(o);
        if (!reply)
            return probe::Garbage {line, reply.error()};
        return std::move(reply).value();
    }
    if (kind == QLatin1String("request-error")) {
        auto failure = requestFailureFromJson(o);
        if (!failure)
            return probe::Garbage {line, failure.error()};
        return std::move(failure).value();
    }
    if (kind == QLatin1String("stopped"))
        return probe::Stopped {o.value(QLatin1String("reason")).toString()};
    return probe::Unknown {kind};
}

} // namespace aoesan::discovery
