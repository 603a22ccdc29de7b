// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/PersonLog.h"

#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "log/LogModel.h"

namespace aoesan::ui {

namespace {
// spdlog's levels, which the dock's level filter uses for both kinds of line.
constexpr int kInfo = 2;
constexpr int kWarning = 3;
constexpr int kError = 4;
} // namespace

PersonLog::PersonLog(LogModel &log, DiscoveryController &discovery, ExportController &exports, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    const QString discoverySource = tr("discovery");
    const QString exportsSource = tr("exports");
    connect(&discovery, &DiscoveryController::logMessage, this,
        [this, discoverySource](const QString &message) { m_log.note(kInfo, discoverySource, message); });
    connect(&discovery, &DiscoveryController::targetWentDown, this,
        [this, discoverySource](const discovery::TargetInfo &target) {
            m_log.note(
                kWarning, discoverySource, tr("%1 is down.").arg(QString::fromStdString(target.id.deviceName())));
        });
    connect(&discovery, &DiscoveryController::targetCameBack, this,
        [this, discoverySource](const discovery::TargetInfo &target) {
            m_log.note(
                kInfo, discoverySource, tr("%1 is back up.").arg(QString::fromStdString(target.id.deviceName())));
        });
    connect(&exports, &ExportController::logMessage, this,
        [this, exportsSource](const QString &message) { m_log.note(kInfo, exportsSource, message); });
    connect(&exports, &ExportController::exportStarted, this, [this, exportsSource](const QString &name) {
        m_log.note(kInfo, exportsSource, tr("Export '%1' is running.").arg(name));
    });
    connect(&exports, &ExportController::exportFailed, this,
        [this, exportsSource](const QString &name, const supervisor::ExportProblem &problem) {
            m_log.note(kError, exportsSource, tr("Export '%1' failed: %2").arg(name, problem.describe()));
        });
}

} // namespace aoesan::ui
