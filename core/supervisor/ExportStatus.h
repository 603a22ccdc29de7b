// SPDX-License-Identifier: GPL-3.0-or-later
// The value snapshot of one supervised export, keyed by export name: what the exports table, the tray
// and `aoesan-ctl supervise` show. Copied into every signal, so a receiver on another thread owns its
// copy and never reaches into the supervisor.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <optional>

#include "supervisor/EngineEvent.h"

namespace aoesan::supervisor {

enum class ExportState : std::uint8_t {
    Stopped, // no engine, none wanted
    Starting, // engine launched, not serving yet
    Running, // the engine said `started`
    Restarting, // the engine ended unexpectedly; another starts after the back-off delay
    Stopping, // asked to stop; waiting for the engine to exit
    Failed, // gave up, or refused to start: lastError says why and what to do
};

// "stopped", "starting", ... (stable words, also used in logs and --json output).
QString stateName(ExportState state);

// Why an export is not serving, in the engine's words where it gave them.
struct ExportProblem
{
    QString code; // an engine error code (no-permission, no-such-interface, ...) or a supervisor one:
                  // address-in-use, missing, unsafe-device, crashed, start-timeout, gave-up
    QString message; // what happened
    QString fix; // what a person can do; may be empty

    // "message. fix" for one-line displays.
    QString describe() const;
    bool operator==(const ExportProblem &) const = default;
};

struct ExportStatus
{
    QString name;
    ExportState state = ExportState::Stopped;
    QDateTime since; // when it entered this state (wall clock, for display)
    QDateTime servingSince; // when the current engine said `started`; invalid when not serving
    qint64 pid = 0; // the engine's pid while one runs
    int restarts = 0; // restarts after unexpected ends since the user started it
    int failuresInARow = 0; // fast failures counted toward giving up
    std::optional<std::chrono::milliseconds> nextRestartIn; // while Restarting
    EngineCounters counters;
    QStringList clients; // initiator MACs seen by the current engine: the latest 256
    QString mac; // the interface MAC the engine serves from
    std::uint64_t sectors = 0;
    std::optional<ExportProblem> lastError; // the last thing that went wrong; kept until started again
    QStringList warnings; // the engine's warnings since the last start (bounded)
    // Who may use the export, as the current engine said at start (-m, or restored from its state file);
    // empty lists mean every host. Restricted exports show "restricted to N hosts".
    QStringList masks;
    QStringList reservations;
    bool restored = false; // the engine restored a mask or reserve list it kept from an earlier run
    // The host whose mask or reserve edit over the network last changed those lists (empty: none since the
    // start), and whether the engine keeps that change for its next start (--wire-edits keep).
    QString accessChangedBy;
    bool accessKept = false;

    // The number of hosts the export is limited to (the mask, else the reserve list); 0 when it is open.
    int restrictedTo() const;

    bool operator==(const ExportStatus &) const = default;
};

} // namespace aoesan::supervisor

Q_DECLARE_METATYPE(aoesan::supervisor::ExportStatus)
