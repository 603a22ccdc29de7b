// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportRates.h"

namespace aoesan::supervisor {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// The growth of a counter; a counter that went down belongs to a new engine, which started from zero.
std::uint64_t grown(std::uint64_t before, std::uint64_t after)
{
    return after >= before ? after - before : after;
}

} // namespace

ExportRates ratesBetween(const EngineCounters &before, const EngineCounters &after, double seconds)
{
    ExportRates r;
    r.clients = after.clients;
    // A restart shows as any counter going down: then every counter counts from zero.
    const bool restarted = after.framesIn < before.framesIn || after.framesOut < before.framesOut;
    const EngineCounters zero {};
    const auto &from = restarted ? zero : before;
    r.errors = grown(from.errors, after.errors);
    r.dropped = grown(from.droppedGroupSource, after.droppedGroupSource) + grown(from.sendFailures, after.sendFailures);
    if (seconds <= 0)
        return r;
    r.readsPerSecond = double(grown(from.readCommands, after.readCommands)) / seconds;
    r.writesPerSecond = double(grown(from.writeCommands, after.writeCommands)) / seconds;
    r.readMiBPerSecond = double(grown(from.bytesRead, after.bytesRead)) / kMiB / seconds;
    r.writeMiBPerSecond = double(grown(from.bytesWritten, after.bytesWritten)) / kMiB / seconds;
    r.framesInPerSecond = double(grown(from.framesIn, after.framesIn)) / seconds;
    return r;
}

} // namespace aoesan::supervisor
