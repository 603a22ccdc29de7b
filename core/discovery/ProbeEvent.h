// SPDX-License-Identifier: GPL-3.0-or-later
// One line of `aoesan-engine probe` read back as a typed value (docs/probe-events.md): the reading side
// of TargetJson. Unknown fields are ignored and unknown events kept by name, so a newer engine works
// with an older GUI; a line that is not a JSON object with an "event" is Garbage, never a crash.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <variant>
#include <vector>

#include "discovery/ProbeRequest.h"
#include "discovery/TargetInfo.h"
#include "util/Result.h"

namespace aoesan::discovery {

namespace probe {

struct OpenedInterface
{
    QString name;
    QString mac;
    int mtu = 0;
};

struct Started
{
    qint64 pid = 0;
    std::vector<OpenedInterface> interfaces;
    std::chrono::milliseconds interval {0};
};

struct TargetEvent
{
    enum class Kind : std::uint8_t { Added, Changed, State, Removed, Rtt };
    Kind kind = Kind::Changed;
    TargetInfo target;
};

struct Warning
{
    QString message;
    QString interface; // set when one interface failed
};

struct Error
{
    QString code; // no-permission, no-such-interface, interface-down, bad-arguments, io
    QString message;
    QString fix;
};

struct Stopped
{
    QString reason;
};

struct Unknown
{
    QString name;
};

struct Garbage
{
    QByteArray line;
    QString why;
};

} // namespace probe

// `reply` and `request-error` answer a per-target request (discovery/ProbeRequest.h).
using ProbeEvent = std::variant<probe::Started, probe::TargetEvent, probe::Warning, probe::Error, probe::Stopped,
    RequestReply, RequestFailure, probe::Unknown, probe::Garbage>;

ProbeEvent parseProbeEvent(const QByteArray &line);

// The inverse of targetToJson; an error names the missing or mistyped field.
Result<TargetInfo, QString> targetFromJson(const QJsonObject &object);
// Parses isoTime()'s format; a default time point for an empty or bad text.
WallClock wallClockFromIso(const QString &text);

} // namespace aoesan::discovery
