// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/EngineEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aoesan::supervisor {

namespace {

std::uint64_t count(const QJsonObject &o, const char *key)
{
    const double d = o.value(QLatin1String(key)).toDouble(0);
    return d > 0 ? static_cast<std::uint64_t>(d) : 0;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList texts(const QJsonObject &o, const char *key)
{
    QStringList list;
    for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
        if (v.isString())
            list << v.toString();
    }
    return list;
}

EngineCounters counters(const QJsonObject &o)
{
    return {count(o, "framesIn"), count(o, "framesOut"), count(o, "bytesRead"), count(o, "bytesWritten"),
        count(o, "errors"), count(o, "clients")};
}

} // namespace

EngineEvent parseEngineEvent(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    const QJsonObject o = doc.object();
    const QJsonValue name = o.value(QLatin1String("event"));
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !name.isString())
        return event::Garbage {line};

    const QString kind = name.toString();
    if (kind == QLatin1String("started")) {
        return event::Started {qint64(count(o, "pid")), text(o, "interface"), text(o, "mac"), int(count(o, "mtu")),
            text(o, "file"), count(o, "sectors"), o.value(QLatin1String("readOnly")).toBool(),
            int(count(o, "maxSectors")), text(o, "configString"), text(o, "stateFile"), texts(o, "masks")};
    }
    if (kind == QLatin1String("restored"))
        return event::Restored {texts(o, "masks"), texts(o, "reservations"), text(o, "stateFile")};
    if (kind == QLatin1String("counters"))
        return event::Counters {counters(o)};
    if (kind == QLatin1String("client"))
        return event::Client {text(o, "mac")};
    if (kind == QLatin1String("warning"))
        return event::Warning {text(o, "message")};
    if (kind == QLatin1String("error"))
        return event::Error {text(o, "code"), text(o, "message"), text(o, "fix")};
    if (kind == QLatin1String("stopped"))
        return event::Stopped {text(o, "reason"), counters(o)};
    return event::Unknown {kind};
}

} // namespace aoesan::supervisor
