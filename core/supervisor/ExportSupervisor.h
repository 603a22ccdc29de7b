// SPDX-License-Identifier: GPL-3.0-or-later
// Runs exports: one `aoesan-engine serve --events` per running export, each in an ExportRunner, after
// the preflight checks. Front ends (GUI, `aoesan-ctl supervise`, `aoesan-ctl exports run`) read the
// records from the ExportStore and hand them in; they hear back through statusChanged, a value
// snapshot keyed by export name. The supervisor needs no privilege; only the engine does.
#pragma once

#include <QObject>

#include <map>
#include <optional>
#include <vector>

#include "supervisor/ExportPreflight.h"
#include "supervisor/ExportRunner.h"

namespace aoesan::supervisor {

struct StartOptions
{
    bool force = false; // start despite the device-safety refusals that may be overridden
};

class ExportSupervisor : public QObject
{
    Q_OBJECT

public:
    ExportSupervisor(ProcessLauncher &launcher, SupervisorClock &clock, ExportPreflight preflight,
        RestartPolicy policy = {}, QObject *parent = nullptr);
    ~ExportSupervisor() override;

    // Where each export's engine keeps its config string, MAC mask and reservations:
    // <directory>/<name>.json. Default: <XDG state dir>/aoesan/exports.
    void setStateDirectory(const QString &directory) { m_stateDirectory = directory; }
    QString stateFileFor(const QString &name) const;

    // Checks and launches. A refusal is returned and also shown as Failed with the reason. Starting an
    // export that is already running does nothing.
    Result<bool, ExportProblem> start(const ExportRecord &record, StartOptions options = {});
    void stop(const QString &name);
    // Stops everything; allStopped() follows (at once when nothing runs).
    void stopAll();
    // Drops a stopped or failed export from the table (after it was removed from the store).
    void forget(const QString &name);

    std::optional<ExportStatus> status(const QString &name) const;
    std::vector<ExportStatus> statuses() const;
    bool anyActive() const;

signals:
    void statusChanged(const QString &name, const aoesan::supervisor::ExportStatus &status);
    void allStopped();

private:
    ExportRunner *runnerFor(const QString &name);
    void seedConfigString(const ExportRecord &record) const;
    void onRunnerChanged(const ExportStatus &status);

    ProcessLauncher &m_launcher;
    SupervisorClock &m_clock;
    ExportPreflight m_preflight;
    RestartPolicy m_policy;
    QString m_stateDirectory;
    std::map<QString, ExportRunner *> m_runners; // children of this object
    std::map<QString, ExportRecord> m_records; // as last started
    bool m_stoppingAll = false;
};

} // namespace aoesan::supervisor
