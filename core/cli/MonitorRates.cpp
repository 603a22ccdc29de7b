// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/MonitorRates.h"

namespace aoesan::cli {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// The growth of a counter; a counter that went down belongs to a new engine, which started from zero.
std::uint64_t grown(std::uint64_t before, std::uint64_t after)
{
    return after >= before ? after - before : after;
}

} // namespace

ExportRates ratesBetween(
    const supervisor::EngineCounters &before, const supervisor::EngineCounters &after, double seconds)
{
    ExportRates r;
    r.clients = after.clients;
    // A restart shows as any counter going down: then every counter counts from zero.
    const bool restarted = after.framesIn < before.framesIn || after.framesOut < before.framesOut;
    const supervisor::EngineCounters zero {};
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

QString monitorHeader()
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
        .arg(QStringLiteral("export"), -16)
        .arg(QStringLiteral("state"), -10)
        .arg(QStringLiteral("reads/s"), 9)
        .arg(QStringLiteral("writes/s"), 9)
        .arg(QStringLiteral("rMiB/s"), 8)
        .arg(QStringLiteral("wMiB/s"), 8)
        .arg(QStringLiteral("clients"), 7)
        .arg(QStringLiteral("errors"), 6)
        .arg(QStringLiteral("dropped"), 7);
}

QString monitorRow(const QString &name, const QString &state, const ExportRates &r)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
        .arg(name, -16)
        .arg(state, -10)
        .arg(r.readsPerSecond, 9, 'f', 0)
        .arg(r.writesPerSecond, 9, 'f', 0)
        .arg(r.readMiBPerSecond, 8, 'f', 1)
        .arg(r.writeMiBPerSecond, 8, 'f', 1)
        .arg(r.clients, 7)
        .arg(r.errors, 6)
        .arg(r.dropped, 7);
}

QJsonObject monitorJson(const QString &name, const QString &state, const ExportRates &r)
{
    return QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("state"), state},
        {QStringLiteral("readsPerSecond"), r.readsPerSecond},
        {QStringLiteral("writesPerSecond"), r.writesPerSecond},
        {QStringLiteral("readMiBPerSecond"), r.readMiBPerSecond},
        {QStringLiteral("writeMiBPerSecond"), r.writeMiBPerSecond},
        {QStringLiteral("framesInPerSecond"), r.framesInPerSecond},
        {QStringLiteral("clients"), double(r.clients)},
        {QStringLiteral("errors"), double(r.errors)},
        {QStringLiteral("dropped"), double(r.dropped)},
    };
}

} // namespace aoesan::cli
