// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/ExportController.h"

#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"

namespace aoesan::ui {

using supervisor::ExportState;

namespace {
bool isActive(ExportState s)
{
    return s == ExportState::Running || s == ExportState::Starting || s == ExportState::Restarting;
}
} // namespace

ExportController::ExportController(SanLink &link, ExportModel &model, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_model(model)
{
    connect(&m_link, &SanLink::exportUpdated, this, &ExportController::onUpdated);
    connect(&m_link, &SanLink::exportRemoved, this, &ExportController::onRemoved);
    connect(&m_link, &SanLink::serviceVanished, this, [this] {
        log::logger("ui")->warn("the aoesan service went away");
        emit reachabilityChanged(false);
        if (m_stoppingAll)
            emit allStopped(); // nothing serves any more
    });
    connect(&m_link, &SanLink::serviceAppeared, this, [this] {
        log::logger("ui")->info("the aoesan service is back");
        emit reachabilityChanged(true);
    });
    for (const auto &[name, view] : m_link.exports())
        onUpdated(name);
}

Problem ExportController::problemOf(const service::ServiceError &error)
{
    namespace e = service::error;
    const QString code = error.name.section(QLatin1Char('.'), -1);
    QString fix;
    if (error.name == QLatin1String(e::kAuthorizationUnavailable))
        fix = tr("Check that polkit (polkitd) runs, then try again.");
    else if (error.name.startsWith(QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown"))
        || error.name.startsWith(QLatin1String("org.freedesktop.DBus.Error.NoReply")))
        fix = tr("The aoesan service does not answer. Start it (systemctl start aoesan) and try again.");
    return Problem {Problem::Level::Error, code, error.message, fix};
}

void ExportController::finish(const Finished &done, const std::optional<Problem> &problem)
{
    if (problem)
        log::logger("ui")->error("{}", problem->message.toStdString());
    if (done)
        done(problem);
    else if (problem)
        emit actionFailed(*problem);
}

void ExportController::add(const supervisor::ExportRecord &record, bool startNow, Finished done)
{
    m_link.addExport(record, startNow, false, [this, record, done = std::move(done)](auto reply) {
        if (!reply) {
            finish(done, problemOf(reply.error()));
            return;
        }
        emit logMessage(tr("Export '%1' added: %2").arg(record.name, supervisor::describeRecord(record)));
        finish(done, std::nullopt);
    });
}

void ExportController::start(const QString &name, bool force, Finished done)
{
    m_link.exportCall(name, QStringLiteral("Start"), {QVariantMap {{QStringLiteral("force"), force}}},
        [this, done = std::move(done)](
            auto reply) { finish(done, reply ? std::nullopt : std::optional<Problem>(problemOf(reply.error()))); });
}

void ExportController::stop(const QString &name)
{
    m_link.exportCall(name, QStringLiteral("Stop"), {}, [this](auto reply) {
        if (!reply)
            finish({}, problemOf(reply.error()));
    });
}

void ExportController::remove(const QString &name, Finished done)
{
    m_link.exportCall(name, QStringLiteral("Remove"), {}, [this, name, done = std::move(done)](auto reply) {
        if (!reply) {
            finish(done, problemOf(reply.error()));
            return;
        }
        emit logMessage(tr("Export '%1' removed.").arg(name));
        finish(done, std::nullopt);
    });
}

void ExportController::stopAll()
{
    m_stoppingAll = true;
    bool any = false;
    for (const auto &[name, view] : m_link.exports()) {
        if (isActive(view.status.state) || view.status.state == ExportState::Stopping) {
            any = true;
            if (view.status.state != ExportState::Stopping)
                stop(name);
        }
    }
    if (!any || !m_link.isConnected())
        emit allStopped();
}

std::vector<supervisor::ExportRecord> ExportController::records() const
{
    std::vector<supervisor::ExportRecord> out;
    for (const auto &[name, view] : m_link.exports())
        out.push_back(view.record);
    return out;
}

bool ExportController::anyActive() const
{
    return activeCount() > 0;
}

int ExportController::activeCount() const
{
    return m_model.activeCount();
}

bool ExportController::servedBySystem() const
{
    return m_link.owner() == SanLink::Owner::System;
}

bool ExportController::serviceReachable() const
{
    return m_link.isConnected();
}

void ExportController::onUpdated(const QString &name)
{
    const auto it = m_link.exports().find(name);
    if (it == m_link.exports().end())
        return;
    const auto &view = it->second;
    const auto *before = m_model.find(name);
    const bool isNew = before == nullptr;
    const ExportState previous = before ? before->status.state : ExportState::Stopped;
    if (isNew || !(before->record == view.record))
        m_model.addOrReplace(view.record);
    m_model.setStatus(view.status);
    m_model.setBoot(name, view.boot);
    if (view.status.state != previous || isNew) {
        if (view.status.state != previous)
            log::logger("ui")->info(
                "export '{}' is {}", name.toStdString(), stateName(view.status.state).toStdString());
        if (view.status.state == ExportState::Failed && view.status.lastError && !isNew)
            emit exportFailed(name, *view.status.lastError);
        if (view.status.state == ExportState::Running && !isNew)
            emit exportStarted(name);
    }
    publish();
}

void ExportController::onRemoved(const QString &name)
{
    if (m_model.remove(name))
        publish();
}

void ExportController::publish()
{
    QSet<quint32> active;
    std::vector<LocalExport> local;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const auto &r = m_model.rowAt(row);
        if (isActive(r.status.state))
            active.insert(TargetModel::keyOf({r.record.shelf, r.record.slot}));
        local.push_back(LocalExport {{r.record.shelf, r.record.slot}, r.record.name, r.record.interface, r.status.state,
            r.status.sectors, r.status.mac});
    }
    if (active != m_active) {
        m_active = active;
        emit activeAddressesChanged(m_active);
    }
    if (m_stoppingAll && active.isEmpty()) {
        bool stopping = false;
        for (int row = 0; row < m_model.rowCount(); ++row)
            stopping = stopping || m_model.rowAt(row).status.state == ExportState::Stopping;
        if (!stopping) {
            m_stoppingAll = false;
            emit allStopped();
        }
    }
    if (local != m_local) {
        m_local = std::move(local);
        emit localExportsChanged(m_local);
    }
}

} // namespace aoesan::ui
