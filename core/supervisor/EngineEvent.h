// SPDX-License-Identifier: GPL-3.0-or-later
// One line of `aoesan-engine serve --events` read back as a typed value (docs/engine-events.md).
// Unknown fields are ignored and unknown event names are kept as such, so a newer engine still works
// with an older supervisor; a line that is not a JSON object is Garbage, never a crash.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <variant>

#include "util/ExitCode.h"

namespace aoesan::supervisor {

struct EngineCounters
{
    std::uint64_t framesIn = 0;
    std::uint64_t framesOut = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t errors = 0; // AoE or ATA errors answered
    std::uint64_t clients = 0; // distinct initiator MACs seen
    bool operator==(const EngineCounters &) const = default;
};

namespace event {

struct Started
{
    qint64 pid = 0;
    QString interface;
    QString mac;
    int mtu = 0;
    QString file;
    std::uint64_t sectors = 0;
    bool readOnly = false;
    int maxSectors = 0;
    QString configString;
    QString stateFile;
    QStringList masks; // the MAC mask in force: -m, or the one kept in the state file
};
// A MAC mask or reserve list kept in the state file is in force again (said right after `started`).
struct Restored
{
    QStringList masks;
    QStringList reservations;
    QString stateFile;
};
struct Counters
{
    EngineCounters counters;
};
struct Client
{
    QString mac;
};
struct Warning
{
    QString message;
};
struct Error
{
    QString code; // a stable word: no-permission, no-such-interface, not-found, busy, ...
    QString message;
    QString fix;
};
struct Stopped
{
    QString reason;
    EngineCounters counters;
};
struct Unknown
{
    QString name; // an event this supervisor does not know yet
};
struct Garbage
{
    QByteArray line; // not a JSON object with an "event": the engine did not write it, or it is broken
};

} // namespace event

using EngineEvent = std::variant<event::Started, event::Restored, event::Counters, event::Client, event::Warning,
    event::Error, event::Stopped, event::Unknown, event::Garbage>;

EngineEvent parseEngineEvent(const QByteArray &line);

// The error code the engine uses for a missing CAP_NET_RAW or an unreadable backing file.
inline constexpr char kNoPermissionCode[] = "no-permission";
// The engine's exit code for the same: restarting will not help, a person has to act.
inline constexpr int kNoPermissionExitCode = ExitNoPermission;
// The engine's exit code for a command line it does not understand.
inline constexpr int kUsageExitCode = ExitUsage;

} // namespace aoesan::supervisor
