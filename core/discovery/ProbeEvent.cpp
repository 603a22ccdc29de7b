// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/ProbeEvent.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>
#include <type_traits>

namespace aoesan::discovery {

namespace {

using namespace probe;

constexpr std::pair<QLatin1StringView, TargetEvent::Kind> kTargetKinds[] = {
    {name::kAdded, TargetEvent::Kind::Added},
    {name::kChanged, TargetEvent::Kind::Changed},
    {name::kState, TargetEvent::Kind::State},
    {name::kRemoved, TargetEvent::Kind::Removed},
    {name::kRtt, TargetEvent::Kind::Rtt},
};

template<typename T> T number(const QJsonObject &o, QLatin1StringView key)
{
    const double d = o.value(key).toDouble(0);
    if (d <= 0)
        return T {0};
    if (d >= static_cast<double>(std::numeric_limits<T>::max()))
        return std::numeric_limits<T>::max();
    return static_cast<T>(d);
}

QString text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QJsonObject eventObject(QLatin1StringView eventName, QJsonObject body = {})
{
    body.insert(field::kEvent, eventName);
    return body;
}

QJsonObject toJson(const Started &s)
{
    QJsonArray interfaces;
    for (const auto &i : s.interfaces)
        interfaces.append(QJsonObject {{field::kName, i.name}, {field::kMac, i.mac}, {field::kMtu, i.mtu}});
    // Numbers as doubles, as the engine has always written them.
    return eventObject(name::kStarted,
        {{field::kPid, static_cast<double>(s.pid)}, {field::kInterfaces, interfaces},
            {field::kIntervalMs, static_cast<double>(s.interval.count())}});
}

QJsonObject toJson(const TargetEvent &e)
{
    QJsonObject o = eventObject(targetEventName(e.kind), {{field::kTarget, targetToJson(e.target)}});
    if (e.kind == TargetEvent::Kind::State)
        o.insert(field::kState, QString::fromLatin1(stateName(e.target.state)));
    return o;
}

QJsonObject toJson(const Warning &w)
{
    QJsonObject o = eventObject(name::kWarning, {{field::kMessage, w.message}});
    if (!w.interface.isEmpty())
        o.insert(field::kInterface, w.interface);
    return o;
}

QJsonObject toJson(const Limit &l)
{
    return eventObject(name::kLimit,
        {{field::kReached, l.limit.reached}, {field::kMaxTargets, static_cast<double>(l.limit.maxTargets)},
            {field::kMaxPaths, static_cast<double>(l.limit.maxPaths)},
            {field::kRefusedTargets, static_cast<double>(l.limit.refusedTargets)},
            {field::kRefusedPaths, static_cast<double>(l.limit.refusedPaths)}});
}

QJsonObject toJson(const Error &e)
{
    return eventObject(name::kError, {{field::kCode, e.code}, {field::kMessage, e.message}, {field::kFix, e.fix}});
}

QJsonObject toJson(const Stopped &s)
{
    return eventObject(name::kStopped, {{field::kReason, s.reason}});
}

QJsonObject toJson(const RequestReply &r)
{
    return replyToJson(r);
}

QJsonObject toJson(const RequestFailure &f)
{
    return requestFailureToJson(f);
}

QJsonObject toJson(const Unknown &u)
{
    return {{field::kEvent, u.name}};
}

Started started(const QJsonObject &o)
{
    Started s;
    s.pid = number<qint64>(o, field::kPid);
    s.interval = std::chrono::milliseconds(number<qint64>(o, field::kIntervalMs));
    for (const QJsonValue &v : o.value(field::kInterfaces).toArray()) {
        const QJsonObject i = v.toObject();
        s.interfaces.push_back({text(i, field::kName), text(i, field::kMac), number<int>(i, field::kMtu)});
    }
    return s;
}

} // namespace

QLatin1StringView targetEventName(TargetEvent::Kind kind)
{
    for (const auto &[word, targetKind] : kTargetKinds) {
        if (targetKind == kind)
            return word;
    }
    return name::kChanged;
}

QByteArray probeEventLine(const ProbeEvent &event)
{
    return std::visit(
        [](const auto &e) -> QByteArray {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Garbage>)
                return e.line;
            else
                return QJsonDocument(toJson(e)).toJson(QJsonDocument::Compact);
        },
        event);
}

ProbeEvent parseProbeEvent(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Garbage {
            line, error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("not a JSON object")};
    const QJsonObject o = doc.object();
    const QJsonValue eventName = o.value(field::kEvent);
    if (!eventName.isString())
        return Garbage {line, QStringLiteral("no \"event\" field")};
    const QString kind = eventName.toString();
    for (const auto &[word, targetKind] : kTargetKinds) {
        if (kind != word)
            continue;
        auto target = targetFromJson(o.value(field::kTarget).toObject());
        if (!target)
            return Garbage {line, target.error()};
        return TargetEvent {targetKind, std::move(target).value()};
    }
    if (kind == name::kStarted)
        return started(o);
    if (kind == name::kWarning)
        return Warning {text(o, field::kMessage), text(o, field::kInterface)};
    if (kind == name::kLimit) {
        DiscoveryLimit l;
        l.reached = o.value(field::kReached).toBool(false);
        l.maxTargets = number<std::uint32_t>(o, field::kMaxTargets);
        l.maxPaths = number<std::uint32_t>(o, field::kMaxPaths);
        l.refusedTargets = number<std::uint64_t>(o, field::kRefusedTargets);
        l.refusedPaths = number<std::uint64_t>(o, field::kRefusedPaths);
        return Limit {l};
    }
    if (kind == name::kError)
        return Error {text(o, field::kCode), text(o, field::kMessage), text(o, field::kFix)};
    if (kind == name::kReply) {
        auto reply = replyFromJson(o);
        if (!reply)
            return Garbage {line, reply.error()};
        return std::move(reply).value();
    }
    if (kind == name::kRequestError) {
        auto failure = requestFailureFromJson(o);
        if (!failure)
            return Garbage {line, failure.error()};
        return std::move(failure).value();
    }
    if (kind == name::kStopped)
        return Stopped {text(o, field::kReason)};
    return Unknown {kind};
}

} // namespace aoesan::discovery
