// SPDX-License-Identifier: GPL-3.0-or-later
// What an export did between two samples of its engine's counters: reads and writes per second, MiB/s each
// way, frames per second, and the errors and dropped frames of the interval. One home for `aoesan-ctl
// monitor` and the GUI's Exports page, so both show the same figures. A counter that went down means a new
// engine (a restart): the interval then counts from zero.
#pragma once

#include <cstdint>

#include "supervisor/ExportStatus.h"

namespace aoesan::supervisor {

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

    bool operator==(const ExportRates &) const = default;
};

ExportRates ratesBetween(const EngineCounters &before, const EngineCounters &after, double seconds);

} // namespace aoesan::supervisor
