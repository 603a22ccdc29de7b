// SPDX-License-Identifier: GPL-3.0-or-later
// What `aoesan-ctl monitor` shows for one export between two samples of its engine's counters: reads and
// writes per second, MiB/s each way, frames per second, and the errors and dropped frames of the interval.
// A counter that went down means a new engine (a restart): the interval then counts from zero.
#pragma once

#include <QJsonObject>
#include <QString>

#include "supervisor/ExportStatus.h"

namespace aoesan::cli {

struct ExportRates
{
    double readsPerSecond = 0;
    double writesPerSecond = 0;
    double readMiBPerSecond = 0;
    double writeMiBPerSecond = 0;
    double framesInPerSecond = 0;
    std::uint64_t errors = 0; // in the interval
    std::uint64_t dropped = 0; // requests never answered (group source MACs) and replies the socket refused
    std::uint64_t clients = 0; // distinct initiators the engine has seen
};

ExportRates ratesBetween(
    const supervisor::EngineCounters &before, const supervisor::EngineCounters &after, double seconds);

// One row of the text view: name, state and the rates, in the columns of monitorHeader().
QString monitorHeader();
QString monitorRow(const QString &name, const QString &state, const ExportRates &rates);
QJsonObject monitorJson(const QString &name, const QString &state, const ExportRates &rates);

} // namespace aoesan::cli
