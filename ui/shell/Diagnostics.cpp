// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/Diagnostics.h"

#include <QDateTime>

#include <unistd.h>

#include "Version.h"
#include "log/LogModel.h"
#include "models/Roles.h"
#include "net/NetworkInterfaces.h"
#include "net/SystemReport.h"
#include "supervisor/EngineLocation.h"

namespace aoesan::ui {

namespace {
constexpr int kWarningLevel = 3; // spdlog::level::warn
} // namespace

DiagnosticsFacts collectDiagnostics(LogModel &log, int maxProblems)
{
    DiagnosticsFacts f;
    f.aoesanVersion = QString::fromLatin1(kVersionString);
    f.qtVersion = QString::fromLatin1(qVersion());
    f.pcapVersion = QString::fromStdString(net::pcapLibraryVersion());
    f.kernel = QString::fromStdString(net::kernelDescription());
    if (const auto listed = net::listInterfaces()) {
        for (const auto &i : listed.value()) {
            f.interfaces << QStringLiteral("%1  %2  %3  mtu %4  %5")
                                .arg(QString::fromStdString(i.name),
                                    i.up ? QStringLiteral("up") : QStringLiteral("down"),
                                    i.carrier ? QStringLiteral("carrier") : QStringLiteral("no-carrier"))
                                .arg(i.mtu)
                                .arg(QString::fromStdString(i.mac.toString()));
        }
    } else {
        f.interfacesError = QString::fromStdString(listed.error());
    }
    f.enginePath = supervisor::findEngine();
    if (!f.enginePath.isEmpty())
        f.engineHasCapNetRaw = net::fileHasPacketCapability(f.enginePath.toStdString());
    f.runningAsRoot = ::geteuid() == 0;

    log.pull();
    for (int row = log.rowCount() - 1; row >= 0 && f.lastProblems.size() < maxProblems; --row) {
        if (log.index(row, LogModel::Time).data(StateRole).toInt() < kWarningLevel)
            continue;
        f.lastProblems.prepend(QStringLiteral("%1 %2 [%3] %4")
                                   .arg(log.index(row, LogModel::Time).data().toString(),
                                       log.index(row, LogModel::Level).data().toString(),
                                       log.index(row, LogModel::Source).data().toString(),
                                       log.index(row, LogModel::Message).data().toString()));
    }
    return f;
}

QString formatDiagnostics(const DiagnosticsFacts &f)
{
    QStringList out;
    out << QStringLiteral("aoesan diagnostics (%1)").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    out << QStringLiteral("aoesan: %1").arg(f.aoesanVersion) << QStringLiteral("Qt: %1").arg(f.qtVersion)
        << QStringLiteral("libpcap: %1").arg(f.pcapVersion) << QStringLiteral("kernel: %1").arg(f.kernel);
    out << QStringLiteral("running as root: %1").arg(f.runningAsRoot ? QStringLiteral("yes") : QStringLiteral("no"));
    if (f.enginePath.isEmpty()) {
        out << QStringLiteral("engine: not found");
    } else {
        const QString cap = !f.engineHasCapNetRaw ? QStringLiteral("unknown")
            : *f.engineHasCapNetRaw               ? QStringLiteral("yes")
                                                  : QStringLiteral("no");
        out << QStringLiteral("engine: %1 (cap_net_raw: %2)").arg(f.enginePath, cap);
    }
    out << QStringLiteral("interfaces:");
    if (!f.interfacesError.isEmpty())
        out << QStringLiteral("  could not be listed: %1").arg(f.interfacesError);
    else if (f.interfaces.isEmpty())
        out << QStringLiteral("  none (no Ethernet interface)");
    for (const QString &line : f.interfaces)
        out << QStringLiteral("  ") + line;
    out << QStringLiteral("last warnings and errors:");
    if (f.lastProblems.isEmpty())
        out << QStringLiteral("  none");
    for (const QString &line : f.lastProblems)
        out << QStringLiteral("  ") + line;
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace aoesan::ui
