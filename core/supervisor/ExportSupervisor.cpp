// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportSupervisor.h"

#include <QDir>
#include <QFileInfo>

#include "engine/ExportState.h"
#include "log/Logging.h"
#include "util/ErrorWords.h"

namespace aoesan::supervisor {

ExportSupervisor::ExportSupervisor(
    ProcessLauncher &launcher, SupervisorClock &clock, ExportPreflight preflight, RestartPolicy policy, QObject *parent)
    : QObject(parent)
    , m_launcher(launcher)
    , m_clock(clock)
    , m_preflight(preflight)
    , m_policy(policy)
    , m_stateDirectory(QString::fromStdString(log::stateDirectory()) + QStringLiteral("/exports"))
{
    qRegisterMetaType<ExportStatus>();
    qRegisterMetaType<ProcessExit>();
}

ExportSupervisor::~ExportSupervisor()
{
    // Runners are children; their processes are killed if still running. Say so: it should not happen.
    if (anyActive())
        log::logger("supervisor")->warn("supervisor destroyed with exports still running; killing their engines");
}

QString ExportSupervisor::stateFileFor(const QString &name) const
{
    return QDir(m_stateDirectory).filePath(name + QStringLiteral(".json"));
}

ExportRunner *ExportSupervisor::runnerFor(const QString &name)
{
    auto it = m_runners.find(name);
    if (it != m_runners.end())
        return it->second;
    auto *runner = new ExportRunner(name, m_launcher, m_clock, m_policy, this);
    connect(runner, &ExportRunner::statusChanged, this, &ExportSupervisor::onRunnerChanged);
    m_runners.emplace(name, runner);
    return runner;
}

Result<bool, ExportProblem> ExportSupervisor::start(const ExportRecord &record, StartOptions options)
{
    ExportRunner *runner = runnerFor(record.name);
    if (runner->isActive() && runner->status().state != ExportState::Stopping)
        return true;
    if (auto invalid = validateRecord(record)) {
        const ExportProblem problem {QString::fromLatin1(error_word::kBadArguments), invalid->message, {}};
        runner->refuse(problem);
        return Unexpected(problem);
    }
    // Two of our own exports on one address would be the same clash as a stranger's target.
    for (const auto &[name, other] : m_runners) {
        const auto rec = m_records.find(name);
        if (name == record.name || !other->isActive() || rec == m_records.end())
            continue;
        if (rec->second.shelf == record.shelf && rec->second.slot == record.slot
            && rec->second.interface == record.interface) {
            const ExportProblem problem {QStringLiteral("address-in-use"),
                QStringLiteral("%1 on %2 is already served by the export '%3'")
                    .arg(record.address(), record.interface, name),
                QStringLiteral("Stop '%1' first, or give this export another address.").arg(name)};
            runner->refuse(problem);
            return Unexpected(problem);
        }
    }
    if (auto refused = m_preflight.check(record, options.force)) {
        runner->refuse(*refused);
        return Unexpected(*refused);
    }
    for (const auto &warning : m_preflight.warnings())
        log::logger("supervisor")->warn("export '{}': {}", record.name.toStdString(), warning.toStdString());
    m_records[record.name] = record;
    m_stoppingAll = false;
    seedConfigString(record);
    runner->start(engineArguments(record, stateFileFor(record.name)));
    return true;
}

void ExportSupervisor::seedConfigString(const ExportRecord &record) const
{
    if (record.configString.isEmpty())
        return;
    // The engine has no option for it: the config string lives in its state file, where initiators
    // may change it later. The record only provides the first value.
    const QString path = stateFileFor(record.name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::string warning;
    auto state = engine::ExportState::load(path.toStdString(), &warning);
    if (!state || !state->configString().empty())
        return;
    state->setConfigString(record.configString.toStdString());
    if (auto saved = state->save(); !saved)
        log::logger("supervisor")
            ->warn("export '{}': cannot seed its config string: {}", record.name.toStdString(), saved.error());
}

void ExportSupervisor::stop(const QString &name)
{
    const auto it = m_runners.find(name);
    if (it != m_runners.end())
        it->second->stop();
}

void ExportSupervisor::stopAll()
{
    m_stoppingAll = true;
    for (const auto &[name, runner] : m_runners)
        runner->stop();
    if (!anyActive()) {
        m_stoppingAll = false;
        emit allStopped();
    }
}

void ExportSupervisor::forget(const QString &name)
{
    const auto it = m_runners.find(name);
    if (it == m_runners.end() || it->second->isActive())
        return;
    delete it->second;
    m_runners.erase(it);
    m_records.erase(name);
}

std::optional<ExportStatus> ExportSupervisor::status(const QString &name) const
{
    const auto it = m_runners.find(name);
    if (it == m_runners.end())
        return std::nullopt;
    return it->second->status();
}

std::vector<ExportStatus> ExportSupervisor::statuses() const
{
    std::vector<ExportStatus> out;
    for (const auto &[name, runner] : m_runners)
        out.push_back(runner->status());
    return out;
}

bool ExportSupervisor::anyActive() const
{
    for (const auto &[name, runner] : m_runners) {
        if (runner->isActive())
            return true;
    }
    return false;
}

void ExportSupervisor::onRunnerChanged(const ExportStatus &status)
{
    emit statusChanged(status.name, status);
    if (m_stoppingAll && !anyActive()) {
        m_stoppingAll = false;
        emit allStopped();
    }
}

} // namespace aoesan::supervisor
