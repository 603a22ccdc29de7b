// SPDX-License-Identifier: GPL-3.0-or-later
// The exports as the window sees them: the service's exports (records and status, through the SanLink
// mirror) in the ExportModel. Start/Stop/Remove/Add are here so the view, the tray menu and the wizard
// share one path; each is a call to the service, and a failure comes back as a Problem with the
// service's sentence (NotAuthorized and AuthorizationUnavailable say who may and what to do).
#pragma once

#include <QObject>
#include <QSet>

#include <functional>
#include <optional>
#include <vector>

#include "models/TargetModel.h"
#include "shell/Problem.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::service {
struct ServiceError;
}

namespace aoesan::ui {

class ExportModel;
class SanLink;

class ExportController : public QObject
{
    Q_OBJECT

public:
    ExportController(SanLink &link, ExportModel &model, QObject *parent = nullptr);

    // Runs when the service answered: no problem, or what went wrong. Without one, a failure is
    // reported through actionFailed().
    using Finished = std::function<void(const std::optional<Problem> &problem)>;

    void add(const supervisor::ExportRecord &record, bool startNow, Finished done = {});
    void start(const QString &name, bool force = false, Finished done = {});
    void stop(const QString &name);
    void remove(const QString &name, Finished done = {});
    // Stops every export that runs; allStopped() follows once none does (at once when none did).
    void stopAll();

    std::vector<supervisor::ExportRecord> records() const;
    bool anyActive() const;
    int activeCount() const;
    // The exports run in a service that outlives this program (the installed one, or one on the
    // session bus): quitting leaves them serving.
    bool servedBySystem() const;
    bool serviceReachable() const;
    // shelf.slot keys (TargetModel::keyOf) of exports that serve or are about to.
    QSet<quint32> activeAddresses() const { return m_active; }
    // Every export with its address, state and size, for the Targets table (TargetModel::setLocalExports).
    const std::vector<LocalExport> &localExports() const { return m_local; }

    // A service error as the person reads it.
    static Problem problemOf(const service::ServiceError &error);

signals:
    void exportFailed(const QString &name, const aoesan::supervisor::ExportProblem &problem);
    void exportStarted(const QString &name);
    void activeAddressesChanged(const QSet<quint32> &keys);
    void localExportsChanged(const std::vector<aoesan::ui::LocalExport> &exports);
    void allStopped();
    void logMessage(const QString &message);
    // An action without its own `done` failed: the Exports page shows it.
    void actionFailed(const aoesan::ui::Problem &problem);
    // The service went away or came back (the views say so).
    void reachabilityChanged(bool reachable);

private:
    void onUpdated(const QString &name);
    void onRemoved(const QString &name);
    void finish(const Finished &done, const std::optional<Problem> &problem);
    void publish();

    SanLink &m_link;
    ExportModel &m_model;
    QSet<quint32> m_active;
    std::vector<LocalExport> m_local;
    bool m_stoppingAll = false;
};

} // namespace aoesan::ui
