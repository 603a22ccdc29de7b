// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/CaptureEvents.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aoesan::net {

namespace {

constexpr const char *kWords[] = {"capture-started", "capture-counters", "capture-stopped", "error"};

} // namespace

QByteArray encodeCaptureEvent(const CaptureEvent &e)
{
    QJsonObject o {{QStringLiteral("event"), QLatin1String(kWords[static_cast<int>(e.kind)])}};
    switch (e.kind) {
    case CaptureEvent::Kind::Started:
        o.insert(QStringLiteral("interface"), e.interface);
        o.insert(QStringLiteral("filter"), e.filter);
        break;
    case CaptureEvent::Kind::Stopped:
        o.insert(QStringLiteral("reason"), e.reason);
        [[fallthrough]];
    case CaptureEvent::Kind::Counters:
        o.insert(QStringLiteral("frames"), static_cast<qint64>(e.frames));
        o.insert(QStringLiteral("dropped"), static_cast<qint64>(e.dropped));
        break;
    case CaptureEvent::Kind::Error:
        o.insert(QStringLiteral("code"), e.code);
        o.insert(QStringLiteral("message"), e.message);
        o.insert(QStringLiteral("fix"), e.fix);
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<CaptureEvent> parseCaptureEvent(const QByteArray &line)
{
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QString word = o.value(QLatin1String("event")).toString();
    CaptureEvent e;
    bool known = false;
    for (int i = 0; i < 4; ++i) {
        if (word == QLatin1String(kWords[i])) {
            e.kind = static_cast<CaptureEvent::Kind>(i);
            known = true;
        }
    }
    if (!known)
        return std::nullopt;
    const auto count = [&](const char *key) {
        const qint64 v = o.value(QLatin1String(key)).toInteger();
        return v > 0 ? static_cast<std::uint64_t>(v) : 0U;
    };
    // Only the keys of this event, as encodeCaptureEvent writes them: a key that belongs to another event is
    // ignored like any unknown one, so that what is read is always something the engine could have said.
    switch (e.kind) {
    case CaptureEvent::Kind::Started:
        e.interface = o.value(QLatin1String("interface")).toString();
        e.filter = o.value(QLatin1String("filter")).toString();
        break;
    case CaptureEvent::Kind::Stopped:
        e.reason = o.value(QLatin1String("reason")).toString();
        [[fallthrough]];
    case CaptureEvent::Kind::Counters:
        e.frames = count("frames");
        e.dropped = count("dropped");
        break;
    case CaptureEvent::Kind::Error:
        e.code = o.value(QLatin1String("code")).toString();
        e.message = o.value(QLatin1String("message")).toString();
        e.fix = o.value(QLatin1String("fix")).toString();
        break;
    }
    return e;
}

QString captureFilterText(std::optional<std::uint16_t> shelf, std::optional<std::uint8_t> slot, bool boot)
{
    if (shelf && slot)
        return boot ? QStringLiteral("e%1.%2's frames and network boot frames").arg(*shelf).arg(*slot)
                    : QStringLiteral("e%1.%2's frames").arg(*shelf).arg(*slot);
    return boot ? QStringLiteral("AoE and network boot frames") : QStringLiteral("AoE frames");
}

} // namespace aoesan::net
