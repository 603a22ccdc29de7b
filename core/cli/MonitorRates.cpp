// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/MonitorRates.h"

namespace aoesan::cli {

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

QString monitorRow(const QString &name, const QString &state, const supervisor::ExportRates &r)
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

QJsonObject monitorJson(const QString &name, const QString &state, const supervisor::ExportRates &r)
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
