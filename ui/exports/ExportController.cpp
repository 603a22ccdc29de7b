// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/ExportController.h"

#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"

namespace aoesan::ui {

using supervisor::ExportState;

ExportController::ExportController(
    supervisor::ExportStore &store, supervisor::ExportSupervisor &supervisor, ExportModel &model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_supervisor(supervisor)
    , m_model(model)
{
    connect(&m_supervisor, &supervisor::ExportSupervisor::statusChanged, this, &ExportController::onStatus);
    connect(&m_supervisor, &supervisor::ExportSupervisor::allStopped, this, &ExportController::allStopped);
}

QStringList ExportController::load(bool autostart)
{
    QStringList problems;
    const auto loaded = m_store.load();
    if (!loaded) {
        problems << tr("The export list %1 could not be read: %2").arg(m_store.path(), loaded.error().message);
    } else {
        problems << loaded->problems;
        if (!loaded->movedAsidePath.isEmpty())
            problems << tr("The damaged export list was kept as %1.").arg(loaded->movedAsidePath);
    }
    m_model.setRecords(m_store.records());
    for (const auto &s : m_supervisor.statuses())
        m_model.setStatus(s);
    publishLocal();
    if (autostart) {
        for (const auto &record : m_store.records()) {
            if (record.autostart)
                (void)start(record.name);
        }
    }
    return problems;
}

Problem ExportController::problemOf(const supervisor::ExportProblem &p) const
{
    return Problem {Problem::Level::Error, p.code, p.message, p.fix};
}

Result<bool, Problem> ExportController::add(const supervisor::ExportRecord &record, bool startNow)
{
    if (auto added = m_store.add(record); !added)
        return Unexpected(Problem {Problem::Level::Error, QStringLiteral("invalid"), added.error().message, {}});
    if (auto saved = m_store.save(); !saved) {
        (void)m_store.remove(record.name);
        return Unexpected(Problem {Problem::Level::Error, QStringLiteral("io"), saved.error().message,
            tr("Check that %1 can be written.").arg(m_store.path())});
    }
    m_model.addOrReplace(record);
    publishLocal();
    emit logMessage(tr("Export '%1' added: %2").arg(record.name, supervisor::describeRecord(record)));
    if (startNow)
        return start(record.name);
    return true;
}

Result<bool, Problem> ExportController::start(const QString &name, bool force)
{
    const auto record = m_store.find(name);
    if (!record)
        return Unexpected(
            Problem {Problem::Level::Error, QStringLiteral("missing"), tr("There is no export '%1'.").arg(name), {}});
    auto started = m_supervisor.start(*record, supervisor::StartOptions {force});
    if (!started)
        return Unexpected(problemOf(started.error()));
    return true;
}

void ExportController::stop(const QString &name)
{
    m_supervisor.stop(name);
}

Result<bool, Problem> ExportController::remove(const QString &name)
{
    m_supervisor.stop(name);
    if (auto removed = m_store.remove(name); !removed)
        return Unexpected(Problem {Problem::Level::Error, QStringLiteral("missing"), removed.error().message, {}});
    if (auto saved = m_store.save(); !saved)
        return Unexpected(Problem {Problem::Level::Error, QStringLiteral("io"), saved.error().message, {}});
    m_supervisor.forget(name);
    m_model.remove(name);
    publishLocal();
    emit logMessage(tr("Export '%1' removed.").arg(name));
    return true;
}

void ExportController::stopAll()
{
    m_supervisor.stopAll();
}

const std::vector<supervisor::ExportRecord> &ExportController::records() const
{
    return m_store.records();
}

bool ExportController::anyActive() const
{
    return m_supervisor.anyActive();
}

int ExportController::activeCount() const
{
    return m_model.activeCount();
}

QSet<quint32> ExportController::activeAddresses() const
{
    return m_active;
}

void ExportController::onStatus(const QString &name, const supervisor::ExportStatus &status)
{
    const auto *before = m_model.find(name);
    const ExportState previous = before ? before->status.state : ExportState::Stopped;
    m_model.setStatus(status);
    if (status.state != previous) {
        // No log line here: the supervisor's runner logs every state change itself ("export 'x' is
        // running"); a second one made each line appear twice in the log and the dock.
        if (status.state == ExportState::Failed && status.lastError)
            emit exportFailed(name, *status.lastError);
        if (status.state == ExportState::Running)
            emit exportStarted(name);
    }
    QSet<quint32> active;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const auto &r = m_model.rowAt(row);
        const auto s = r.status.state;
        if (s == ExportState::Running || s == ExportState::Starting || s == ExportState::Restarting)
            active.insert(TargetModel::keyOf({r.record.shelf, r.record.slot}));
    }
    if (active != m_active) {
        m_active = active;
        emit activeAddressesChanged(m_active);
    }
    publishLocal();
}

void ExportController::publishLocal()
{
    std::vector<LocalExport> local;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const auto &r = m_model.rowAt(row);
        local.push_back(LocalExport {{r.record.shelf, r.record.slot}, r.record.name, r.record.interface, r.status.state,
            r.status.sectors, r.status.mac});
    }
    if (local == m_local)
        return;
    m_local = std::move(local);
    emit localExportsChanged(m_local);
}

} // namespace aoesan::ui
