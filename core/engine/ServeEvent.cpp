// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ServeEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <type_traits>

#include "util/JsonNumber.h"

namespace aoesan::engine {

namespace {

using namespace serve;

// Counts are written as JSON integers; qint64 holds every count a real export reaches.
qint64 integer(std::uint64_t n)
{
    return static_cast<qint64>(n);
}

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

void putCounters(QJsonObject &o, const ServeCounters &c)
{
    o.insert(field::kFramesIn, integer(c.framesIn));
    o.insert(field::kFramesOut, integer(c.framesOut));
    o.insert(field::kBytesRead, integer(c.bytesRead));
    o.insert(field::kBytesWritten, integer(c.bytesWritten));
    o.insert(field::kErrors, integer(c.errors));
    o.insert(field::kClients, integer(c.clients));
    o.insert(field::kDroppedGroupSource, integer(c.droppedGroupSource));
    o.insert(field::kReadCommands, integer(c.readCommands));
    o.insert(field::kWriteCommands, integer(c.writeCommands));
    o.insert(field::kSendFailures, integer(c.sendFailures));
}

QJsonObject body(const Started &s)
{
    return {{field::kPid, s.pid}, {field::kShelf, s.shelf}, {field::kSlot, s.slot}, {field::kInterface, s.interface},
        {field::kMac, s.mac}, {field::kMtu, s.mtu}, {field::kFile, s.file}, {field::kSectors, integer(s.sectors)},
        {field::kBytes, integer(s.bytes)}, {field::kOffset, integer(s.offset)}, {field::kReadOnly, s.readOnly},
        {field::kDirect, s.direct}, {field::kSync, s.sync}, {field::kBufferCount, s.bufferCount},
        {field::kMaxSectors, s.maxSectors}, {field::kWorkers, s.workers}, {field::kIo, s.io},
        {field::kMasks, stringArray(s.masks)}, {field::kConfigString, s.configString},
        {field::kStateFile, s.stateFile}};
}

QJsonObject body(const Restored &r)
{
    return {{field::kMasks, stringArray(r.masks)}, {field::kReservations, stringArray(r.reservations)},
        {field::kStateFile, r.stateFile}};
}

QJsonObject body(const Access &a)
{
    return {{field::kMasks, stringArray(a.masks)}, {field::kReservations, stringArray(a.reservations)},
        {field::kBy, a.by}, {field::kKept, a.kept}};
}

QJsonObject body(const Counters &c)
{
    QJsonObject o;
    putCounters(o, c.counters);
    return o;
}

QJsonObject body(const Client &c)
{
    return {{field::kMac, c.mac}};
}

QJsonObject body(const Clients &c)
{
    return {{field::kUnlisted, integer(c.unlisted)}, {field::kClients, integer(c.clients)}};
}

QJsonObject body(const Warning &w)
{
    return {{field::kMessage, w.message}};
}

QJsonObject body(const Error &e)
{
    return {{field::kCode, e.code}, {field::kMessage, e.message}, {field::kFix, e.fix}};
}

QJsonObject body(const Stopped &s)
{
    QJsonObject o {{field::kReason, s.reason}};
    putCounters(o, s.counters);
    return o;
}

// The event name of each value written.
template<typename T> constexpr QLatin1StringView kNameOf;
template<> constexpr QLatin1StringView kNameOf<Started> = name::kStarted;
template<> constexpr QLatin1StringView kNameOf<Restored> = name::kRestored;
template<> constexpr QLatin1StringView kNameOf<Access> = name::kAccess;
template<> constexpr QLatin1StringView kNameOf<Counters> = name::kCounters;
template<> constexpr QLatin1StringView kNameOf<Client> = name::kClient;
template<> constexpr QLatin1StringView kNameOf<Clients> = name::kClients;
template<> constexpr QLatin1StringView kNameOf<Warning> = name::kWarning;
template<> constexpr QLatin1StringView kNameOf<Error> = name::kError;
template<> constexpr QLatin1StringView kNameOf<Stopped> = name::kStopped;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::uint64_t count(const QJsonObject &o, QLatin1StringView key)
{
    // A broken line's 1e30 reads as the largest count the writer can write (integer() above), so that reading
    // and writing it again gives the same count (fuzz_serve_event found the undefined conversion).
    return util::jsonCount(o.value(key));
}

int smallCount(const QJsonObject &o, QLatin1StringView key)
{
    return static_cast<int>(std::min<std::uint64_t>(count(o, key), std::numeric_limits<int>::max()));
}

QString text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QStringList texts(const QJsonObject &o, QLatin1StringView key)
{
    QStringList list;
    for (const QJsonValue &v : o.value(key).toArray()) {
        if (v.isString())
            list << v.toString();
    }
    return list;
}

ServeCounters counters(const QJsonObject &o)
{
    return {count(o, field::kFramesIn), count(o, field::kFramesOut), count(o, field::kBytesRead),
        count(o, field::kBytesWritten), count(o, field::kErrors), count(o, field::kClients),
        count(o, field::kDroppedGroupSource), count(o, field::kReadCommands), count(o, field::kWriteCommands),
        count(o, field::kSendFailures)};
}

Started started(const QJsonObject &o)
{
    Started s;
    s.pid = static_cast<qint64>(count(o, field::kPid));
    s.shelf = smallCount(o, field::kShelf);
    s.slot = smallCount(o, field::kSlot);
    s.interface = text(o, field::kInterface);
    s.mac = text(o, field::kMac);
    s.mtu = smallCount(o, field::kMtu);
    s.file = text(o, field::kFile);
    s.sectors = count(o, field::kSectors);
    s.bytes = count(o, field::kBytes);
    s.offset = count(o, field::kOffset);
    s.readOnly = o.value(field::kReadOnly).toBool();
    s.direct = o.value(field::kDirect).toBool();
    s.sync = o.value(field::kSync).toBool();
    s.bufferCount = smallCount(o, field::kBufferCount);
    s.maxSectors = smallCount(o, field::kMaxSectors);
    s.workers = smallCount(o, field::kWorkers);
    s.io = text(o, field::kIo);
    s.masks = texts(o, field::kMasks);
    s.configString = text(o, field::kConfigString);
    s.stateFile = text(o, field::kStateFile);
    return s;
}

} // namespace

QByteArray serveEventLine(const ServeEvent &event)
{
    return std::visit(
        [](const auto &e) -> QByteArray {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, Garbage>) {
                return e.line;
            } else if constexpr (std::is_same_v<T, Unknown>) {
                return compact({{field::kEvent, e.name}});
            } else {
                QJsonObject o = body(e);
                o.insert(field::kEvent, kNameOf<T>);
                return compact(o);
            }
        },
        event);
}

ServeEvent parseServeEvent(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    const QJsonObject o = doc.object();
    const QJsonValue eventName = o.value(field::kEvent);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !eventName.isString())
        return Garbage {line};

    const QString kind = eventName.toString();
    if (kind == name::kStarted)
        return started(o);
    if (kind == name::kRestored)
        return Restored {texts(o, field::kMasks), texts(o, field::kReservations), text(o, field::kStateFile)};
    if (kind == name::kAccess)
        return Access {texts(o, field::kMasks), texts(o, field::kReservations), text(o, field::kBy),
            o.value(field::kKept).toBool()};
    if (kind == name::kCounters)
        return Counters {counters(o)};
    if (kind == name::kClient)
        return Client {text(o, field::kMac)};
    if (kind == name::kClients)
        return Clients {count(o, field::kUnlisted), count(o, field::kClients)};
    if (kind == name::kWarning)
        return Warning {text(o, field::kMessage)};
    if (kind == name::kError)
        return Error {text(o, field::kCode), text(o, field::kMessage), text(o, field::kFix)};
    if (kind == name::kStopped)
        return Stopped {text(o, field::kReason), counters(o)};
    return Unknown {kind};
}

} // namespace aoesan::engine
