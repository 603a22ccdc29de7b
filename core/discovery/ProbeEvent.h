// SPDX-License-Identifier: GPL-3.0-or-later
// The event stream of `aoesan-engine probe` (docs/probe-events.md), defined once: its event and field
// names, each event as a value, the writer (value -> line) the engine uses and the reader (line -> value)
// the GUI and the service use. The `target` object is discovery/TargetJson.h's, `reply` and
// `request-error` are discovery/ProbeRequest.h's, the error words util/ErrorWords.h's. Unknown fields are
// ignored and unknown events kept by name, so a newer engine works with an older GUI; a line that is not a
// JSON object with an "event" is Garbage, never a crash.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <chrono>
#include <variant>
#include <vector>

#include "discovery/DiscoveryLimit.h"
#include "discovery/ProbeRequest.h"
#include "discovery/TargetInfo.h"
#include "discovery/TargetJson.h"
#include "util/Result.h"

namespace aoesan::discovery {

namespace probe {

// The "event" field's values.
namespace name {
inline constexpr QLatin1StringView kStarted {"started"};
inline constexpr QLatin1StringView kAdded {"added"};
inline constexpr QLatin1StringView kChanged {"changed"};
inline constexpr QLatin1StringView kState {"state"};
inline constexpr QLatin1StringView kRtt {"rtt"};
inline constexpr QLatin1StringView kRemoved {"removed"};
inline constexpr QLatin1StringView kWarning {"warning"};
inline constexpr QLatin1StringView kLimit {"limit"};
inline constexpr QLatin1StringView kError {"error"};
inline constexpr QLatin1StringView kStopped {"stopped"};
inline constexpr QLatin1StringView kReply {"reply"};
inline constexpr QLatin1StringView kRequestError {"request-error"};
inline constexpr std::array kAll {
    kStarted, kAdded, kChanged, kState, kRtt, kRemoved, kWarning, kLimit, kError, kStopped, kReply, kRequestError};
} // namespace name

// The keys of the events' objects (a target's own are target_field's).
namespace field {
inline constexpr QLatin1StringView kEvent {"event"};
// started, and its `interfaces` entries
inline constexpr QLatin1StringView kPid {"pid"};
inline constexpr QLatin1StringView kInterfaces {"interfaces"};
inline constexpr QLatin1StringView kIntervalMs {"intervalMs"};
inline constexpr QLatin1StringView kName {"name"};
inline constexpr QLatin1StringView kMac {"mac"}; // also reply
inline constexpr QLatin1StringView kMtu {"mtu"};
// added, changed, state, rtt, removed
inline constexpr QLatin1StringView kTarget {"target"};
inline constexpr QLatin1StringView kState {"state"}; // state only: up or down
// warning, error, request-error
inline constexpr QLatin1StringView kMessage {"message"};
inline constexpr QLatin1StringView kInterface {"interface"}; // also reply
inline constexpr QLatin1StringView kCode {"code"}; // error: util/ErrorWords.h; request-error: request_error
inline constexpr QLatin1StringView kFix {"fix"};
// limit (discovery/DiscoveryLimit.h)
inline constexpr QLatin1StringView kReached {"reached"};
inline constexpr QLatin1StringView kMaxTargets {"maxTargets"};
inline constexpr QLatin1StringView kMaxPaths {"maxPaths"};
inline constexpr QLatin1StringView kRefusedTargets {"refusedTargets"};
inline constexpr QLatin1StringView kRefusedPaths {"refusedPaths"};
// stopped
inline constexpr QLatin1StringView kReason {"reason"};
// reply and request-error (written and read by discovery/ProbeRequest.cpp)
inline constexpr QLatin1StringView kId {"id"};
inline constexpr QLatin1StringView kRequest {"request"};
inline constexpr QLatin1StringView kDevice {"device"};
inline constexpr QLatin1StringView kOwnMac {"ownMac"};
inline constexpr QLatin1StringView kMacs {"macs"};
inline constexpr QLatin1StringView kIdentify {"identify"};
inline constexpr QLatin1StringView kConfigString {"configString"};
inline constexpr std::array kAll {kEvent, kPid, kInterfaces, kIntervalMs, kName, kMac, kMtu, kTarget, kState, kMessage,
    kInterface, kCode, kFix, kReached, kMaxTargets, kMaxPaths, kRefusedTargets, kRefusedPaths, kReason, kId, kRequest,
    kDevice, kOwnMac, kMacs, kIdentify, kConfigString};
} // namespace field

// The `reason` of `stopped`.
inline constexpr char kStopReasonStdinClosed[] = "stdin closed";

struct OpenedInterface
{
    QString name;
    QString mac;
    int mtu = 0;
    bool operator==(const OpenedInterface &) const = default;
};

struct Started
{
    qint64 pid = 0;
    std::vector<OpenedInterface> interfaces;
    std::chrono::milliseconds interval {0};
    bool operator==(const Started &) const = default;
};

struct TargetEvent
{
    enum class Kind : std::uint8_t { Added, Changed, State, Removed, Rtt };
    Kind kind = Kind::Changed;
    TargetInfo target;
    bool operator==(const TargetEvent &) const = default;
};

struct Warning
{
    QString message;
    QString interface; // set when one interface failed
    bool operator==(const Warning &) const = default;
};

// Discovery's bounds were reached (answers refused) or are no longer; the counts grow while it lasts.
struct Limit
{
    DiscoveryLimit limit;
    bool operator==(const Limit &) const = default;
};

struct Error
{
    QString code; // a util/ErrorWords.h word (error_word::kProbeWords)
    QString message;
    QString fix;
    bool operator==(const Error &) const = default;
};

struct Stopped
{
    QString reason;
    bool operator==(const Stopped &) const = default;
};

struct Unknown
{
    QString name;
    bool operator==(const Unknown &) const = default;
};

struct Garbage
{
    QByteArray line;
    QString why;
    bool operator==(const Garbage &) const = default;
};

} // namespace probe

// `reply` and `request-error` answer a per-target request (discovery/ProbeRequest.h).
using ProbeEvent = std::variant<probe::Started, probe::TargetEvent, probe::Warning, probe::Limit, probe::Error,
    probe::Stopped, RequestReply, RequestFailure, probe::Unknown, probe::Garbage>;

// The event name of a target event ("added", ...).
QLatin1StringView targetEventName(probe::TargetEvent::Kind kind);

// One line of the stream, without its newline: a compact JSON object (keys in order, as QJsonDocument
// writes them). Unknown is written as an event with only its name, Garbage as its line.
QByteArray probeEventLine(const ProbeEvent &event);
// The inverse: parseProbeEvent(probeEventLine(e)) == e for every event the engine writes.
ProbeEvent parseProbeEvent(const QByteArray &line);

} // namespace aoesan::discovery
