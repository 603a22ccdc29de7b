// SPDX-License-Identifier: GPL-3.0-or-later
// The exports as the window sees them: records from the ExportStore, life from the ExportSupervisor,
// both mirrored into the ExportModel. Start/Stop/Remove/Add are here so the view, the tray menu and the
// wizard share one path; failures come back as a Problem with the supervisor's fix.
#pragma once

#include <QObject>
#include <QSet>

#include <optional>
#include <vector>

#include "models/TargetModel.h"
#include "shell/Problem.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"
#include "util/Result.h"

namespace aoesan::supervisor {
class ExportStore;
class ExportSupervisor;
} // namespace aoesan::supervisor

namespace aoesan::ui {

class ExportModel;

class ExportController : public QObject
{
    Q_OBJECT

public:
    ExportController(supervisor::ExportStore &store, supervisor::ExportSupervisor &supervisor, ExportModel &model,
        QObject *parent = nullptr);

    // Reads the store and starts the exports marked autostart; the problems found are returned.
    QStringList load(bool autostart = true);

    Result<bool, Problem> add(const supervisor::ExportRecord &record, bool startNow);
    Result<bool, Problem> start(const QString &name, bool force = false);
    void stop(const QString &name);
    Result<bool, Problem> remove(const QString &name);
    void stopAll();

    const std::vector<supervisor::ExportRecord> &records() const;
    bool anyActive() const;
    int activeCount() const;
    // shelf.slot keys (TargetModel::keyOf) of exports that serve or are about to.
    QSet<quint32> activeAddresses() const;
    // Every export with its address, state and size, for the Targets table (TargetModel::setLocalExports).
    const std::vector<LocalExport> &localExports() const { return m_local; }

signals:
    void exportFailed(const QString &name, const aoesan::supervisor::ExportProblem &problem);
    void exportStarted(const QString &name);
    void activeAddressesChanged(const QSet<quint32> &keys);
    void localExportsChanged(const std::vector<aoesan::ui::LocalExport> &exports);
    void allStopped();
    void logMessage(const QString &message);

private:
    void onStatus(const QString &name, const supervisor::ExportStatus &status);
    Problem problemOf(const supervisor::ExportProblem &p) const;
    void publishLocal();

    supervisor::ExportStore &m_store;
    supervisor::ExportSupervisor &m_supervisor;
    ExportModel &m_model;
    QSet<quint32> m_active;
    std::vector<LocalExport> m_local;
};

} // namespace aoesan::ui
