// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportStatusJson.h"

#include <QJsonArray>

#include "util/JsonNumber.h"

namespace aoesan::supervisor {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject problemToJson(const ExportProblem &p)
{
    return {{QStringLiteral("code"), p.code}, {QStringLiteral("message"), p.message}, {QStringLiteral("fix"), p.fix}};
}

} // namespace

std::optional<ExportState> stateFromName(const QString &word)
{
    for (const auto s : {ExportState::Stopped, ExportState::Starting, ExportState::Running, ExportState::Restarting,
             ExportState::Stopping, ExportState::Failed}) {
        if (stateName(s) == word)
            return s;
    }
    return std::nullopt;
}

QJsonObject statusToJson(const ExportStatus &s)
{
    QJsonObject o {
        {QStringLiteral("name"), s.name},
        {QStringLiteral("state"), stateName(s.state)},
        {QStringLiteral("since"), iso(s.since)},
        {QStringLiteral("servingSince"), iso(s.servingSince)},
        {QStringLiteral("pid"), s.pid},
        {QStringLiteral("restarts"), s.restarts},
        {QStringLiteral("failuresInARow"), s.failuresInARow},
        {QStringLiteral("counters"),
            QJsonObject {{QStringLiteral("framesIn"), static_cast<double>(s.counters.framesIn)},
                {QStringLiteral("framesOut"), static_cast<double>(s.counters.framesOut)},
                {QStringLiteral("bytesRead"), static_cast<double>(s.counters.bytesRead)},
                {QStringLiteral("bytesWritten"), static_cast<double>(s.counters.bytesWritten)},
                {QStringLiteral("errors"), static_cast<double>(s.counters.errors)},
                {QStringLiteral("clients"), static_cast<double>(s.counters.clients)},
                {QStringLiteral("droppedGroupSource"), static_cast<double>(s.counters.droppedGroupSource)},
                {QStringLiteral("readCommands"), static_cast<double>(s.counters.readCommands)},
                {QStringLiteral("writeCommands"), static_cast<double>(s.counters.writeCommands)},
                {QStringLiteral("sendFailures"), static_cast<double>(s.counters.sendFailures)}}},
        {QStringLiteral("clients"), toArray(s.clients)},
        {QStringLiteral("mac"), s.mac},
        {QStringLiteral("sectors"), static_cast<double>(s.sectors)},
        {QStringLiteral("warnings"), toArray(s.warnings)},
        {QStringLiteral("masks"), toArray(s.masks)},
        {QStringLiteral("reservations"), toArray(s.reservations)},
        {QStringLiteral("restored"), s.restored},
        {QStringLiteral("accessKept"), s.accessKept},
    };
    if (!s.accessChangedBy.isEmpty())
        o.insert(QStringLiteral("accessChangedBy"), s.accessChangedBy);
    if (s.nextRestartIn)
        o.insert(QStringLiteral("nextRestartInMs"), static_cast<double>(s.nextRestartIn->count()));
    if (s.lastError)
        o.insert(QStringLiteral("lastError"), problemToJson(*s.lastError));
    return o;
}

Result<ExportStatus, QString> statusFromJson(const QJsonObject &o)
{
    ExportStatus s;
    const auto typed = [&o](const char *key, bool (QJsonValue::*is)() const) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isUndefined() || (v.*is)();
    };
    for (const char *key : {"name", "state", "since", "servingSince", "mac", "accessChangedBy"}) {
        if (!typed(key, &QJsonValue::isString))
            return Unexpected(QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
    }
    for (const char *key : {"pid", "restarts", "failuresInARow", "sectors", "nextRestartInMs"}) {
        if (!typed(key, &QJsonValue::isDouble))
            return Unexpected(QStringLiteral("'%1' must be a number").arg(QLatin1String(key)));
    }
    for (const char *key : {"clients", "warnings", "masks", "reservations"}) {
        if (!typed(key, &QJsonValue::isArray))
            return Unexpected(QStringLiteral("'%1' must be a list").arg(QLatin1String(key)));
    }
    s.name = o.value(QStringLiteral("name")).toString();
    const auto state = stateFromName(o.value(QStringLiteral("state")).toString(QStringLiteral("stopped")));
    if (!state)
        return Unexpected(
            QStringLiteral("'%1' is not an export state").arg(o.value(QStringLiteral("state")).toString()));
    s.state = *state;
    s.since = QDateTime::fromString(o.value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
    s.servingSince = QDateTime::fromString(o.value(QStringLiteral("servingSince")).toString(), Qt::ISODateWithMs);
    s.pid = util::jsonInteger(o.value(QStringLiteral("pid")));
    s.restarts = o.value(QStringLiteral("restarts")).toInt();
    s.failuresInARow = o.value(QStringLiteral("failuresInARow")).toInt();
    if (o.contains(QStringLiteral("nextRestartInMs")))
        s.nextRestartIn = std::chrono::milliseconds(util::jsonInteger(o.value(QStringLiteral("nextRestartInMs"))));
    const QJsonObject c = o.value(QStringLiteral("counters")).toObject();
    const auto counter = [&c](const char *key) { return util::jsonCount(c.value(QLatin1String(key))); };
    s.counters = {counter("framesIn"), counter("framesOut"), counter("bytesRead"), counter("bytesWritten"),
        counter("errors"), counter("clients"), counter("droppedGroupSource"), counter("readCommands"),
        counter("writeCommands"), counter("sendFailures")};
    const auto list = [&o](const char *key) {
        QStringList out;
        for (const auto &v : o.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    s.clients = list("clients");
    s.warnings = list("warnings");
    s.masks = list("masks");
    s.reservations = list("reservations");
    s.mac = o.value(QStringLiteral("mac")).toString();
    s.sectors = util::jsonCount(o.value(QStringLiteral("sectors")));
    s.restored = o.value(QStringLiteral("restored")).toBool();
    s.accessChangedBy = o.value(QStringLiteral("accessChangedBy")).toString();
    s.accessKept = o.value(QStringLiteral("accessKept")).toBool();
    if (o.value(QStringLiteral("lastError")).isObject()) {
        const QJsonObject e = o.value(QStringLiteral("lastError")).toObject();
        s.lastError = ExportProblem {e.value(QStringLiteral("code")).toString(),
            e.value(QStringLiteral("message")).toString(), e.value(QStringLiteral("fix")).toString()};
    }
    return s;
}

} // namespace aoesan::supervisor
