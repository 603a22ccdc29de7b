// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace aoesan::engine {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonObject countersJson(const CounterSnapshot &c)
{
    return {
        {QStringLiteral("framesIn"), qint64(c.framesIn)},
        {QStringLiteral("framesOut"), qint64(c.framesOut)},
        {QStringLiteral("bytesRead"), qint64(c.bytesRead)},
        {QStringLiteral("bytesWritten"), qint64(c.bytesWritten)},
        {QStringLiteral("errors"), qint64(c.errors)},
        {QStringLiteral("clients"), qint64(c.clients)},
    };
}

QJsonArray macArray(const std::vector<protocol::MacAddress> &macs)
{
    QJsonArray array;
    for (const auto &m : macs)
        array.append(q(m.toString()));
    return array;
}

std::string line(const QString &event, QJsonObject body)
{
    body.insert(QStringLiteral("event"), event);
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

EngineEvents::EngineEvents(bool json, std::FILE *out, std::FILE *human)
    : m_json(json)
    , m_out(out)
    , m_human(human)
{ }

void EngineEvents::writeLine(const std::string &jsonObject)
{
    std::fprintf(m_out, "%s\n", jsonObject.c_str());
    std::fflush(m_out); // the supervisor reads line by line
}

void EngineEvents::started(const StartedInfo &i)
{
    const ServeOptions &o = i.options;
    if (!m_json) {
        std::fprintf(m_human, "pid %d: e%u.%u, %llu sectors %s%s%s\n", int(::getpid()), unsigned(o.shelf),
            unsigned(o.slot), static_cast<unsigned long long>(i.sectors), o.readOnly ? "O_RDONLY" : "O_RDWR",
            o.direct ? " O_DIRECT" : "", o.sync ? " O_SYNC" : "");
        return;
    }
    const QJsonArray masks = macArray(i.masks);
    writeLine(line(QStringLiteral("started"),
        {{QStringLiteral("pid"), qint64(::getpid())}, {QStringLiteral("shelf"), int(o.shelf)},
            {QStringLiteral("slot"), int(o.slot)}, {QStringLiteral("interface"), q(o.interface)},
            {QStringLiteral("mac"), q(i.mac.toString())}, {QStringLiteral("mtu"), i.mtu},
            {QStringLiteral("file"), q(o.path)}, {QStringLiteral("sectors"), qint64(i.sectors)},
            {QStringLiteral("bytes"), qint64(i.sectors * 512)}, {QStringLiteral("offset"), qint64(o.offsetSectors)},
            {QStringLiteral("readOnly"), o.readOnly}, {QStringLiteral("direct"), o.direct},
            {QStringLiteral("sync"), o.sync}, {QStringLiteral("bufferCount"), int(o.bufferCount)},
            {QStringLiteral("maxSectors"), int(i.maxSectors)}, {QStringLiteral("workers"), int(i.workers)},
            {QStringLiteral("io"), q(i.io)}, {QStringLiteral("masks"), masks},
            {QStringLiteral("configString"),
                QString::fromLatin1(i.configString.data(), qsizetype(i.configString.size()))},
            {QStringLiteral("stateFile"), q(i.stateFile)}}));
}

void EngineEvents::counters(const CounterSnapshot &c)
{
    if (m_json)
        writeLine(line(QStringLiteral("counters"), countersJson(c)));
}

void EngineEvents::clientSeen(const protocol::MacAddress &mac)
{
    if (m_json)
        writeLine(line(QStringLiteral("client"), {{QStringLiteral("mac"), q(mac.toString())}}));
    else
        std::fprintf(m_human, "client %s\n", mac.toString().c_str());
}

void EngineEvents::warning(const std::string &message)
{
    if (m_json)
        writeLine(line(QStringLiteral("warning"), {{QStringLiteral("message"), q(message)}}));
    else
        std::fprintf(m_human, "%s: warning: %s\n", m_program.c_str(), message.c_str());
}

void EngineEvents::restored(const std::vector<protocol::MacAddress> &masks,
    const std::vector<protocol::MacAddress> &reservations, const std::string &stateFile)
{
    if (m_json) {
        writeLine(line(QStringLiteral("restored"),
            {{QStringLiteral("masks"), macArray(masks)}, {QStringLiteral("reservations"), macArray(reservations)},
                {QStringLiteral("stateFile"), q(stateFile)}}));
        return;
    }
    std::fprintf(m_human, "%s: restored from %s: %s\n", m_program.c_str(), stateFile.c_str(),
        restoredText(masks, reservations).c_str());
}

std::string restoredText(
    const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations)
{
    std::string text;
    if (!masks.empty())
        text = "MAC mask of " + std::to_string(masks.size()) + (masks.size() == 1 ? " host" : " hosts")
            + " (other hosts are ignored)";
    if (!reservations.empty())
        text += (text.empty() ? "" : "; ") + std::string("reserve list of ") + std::to_string(reservations.size())
            + (reservations.size() == 1 ? " host" : " hosts") + " (other hosts may not read or write)";
    return text;
}

void EngineEvents::error(const std::string &code, const std::string &message, const std::string &fix)
{
    if (m_json)
        writeLine(line(QStringLiteral("error"),
            {{QStringLiteral("code"), q(code)}, {QStringLiteral("message"), q(message)},
                {QStringLiteral("fix"), q(fix)}}));
    // A person reading stderr gets it too, also when the supervisor captures stdout.
    const char *between = fix.empty() ? "" : (!message.empty() && message.back() == '.') ? " " : ". ";
    std::fprintf(m_human, "%s: error: %s%s%s\n", m_program.c_str(), message.c_str(), between, fix.c_str());
}

void EngineEvents::stopped(const std::string &reason, const CounterSnapshot &c)
{
    if (!m_json)
        return;
    QJsonObject body = countersJson(c);
    body.insert(QStringLiteral("reason"), q(reason));
    writeLine(line(QStringLiteral("stopped"), body));
}

} // namespace aoesan::engine
