// SPDX-License-Identifier: GPL-3.0-or-later
// One export's life under supervision: launch the engine, read its event stream, stop it cleanly
// (SIGTERM, then SIGKILL after a timeout), restart it after an unexpected end with exponential back-off,
// and give up after repeated fast failures. Errors a restart cannot fix (no permission, a bad command
// line, an engine that cannot be run) go straight to Failed with the fix, never into a restart loop.
#pragma once

#include <QObject>
#include <QSet>

#include <chrono>
#include <memory>

#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"
#include "supervisor/ProcessLauncher.h"
#include "supervisor/SupervisorClock.h"

namespace aoesan::supervisor {

struct RestartPolicy
{
    std::chrono::milliseconds firstDelay {250}; // before the first restart; doubles each time
    std::chrono::milliseconds maxDelay {30000}; // the cap on that delay
    std::chrono::milliseconds stableAfter {10000}; // a run this long starts the failure count afresh
    int maxFastFailures = 5; // this many fast failures in a row: give up
    std::chrono::milliseconds startTimeout {15000}; // launched but silent this long: kill, count a failure
    std::chrono::milliseconds stopTimeout {5000}; // SIGTERM unanswered this long: SIGKILL

    // The delay before restart number `failuresInARow` (1 = the first).
    std::chrono::milliseconds delayFor(int failuresInARow) const;
};

class ExportRunner : public QObject
{
    Q_OBJECT

public:
    ExportRunner(QString name, ProcessLauncher &launcher, SupervisorClock &clock, RestartPolicy policy,
        QObject *parent = nullptr);
    ~ExportRunner() override;

    // Launches the engine with these arguments (a user's start: counters, restarts and the last error
    // start afresh). Does nothing while an engine is already wanted (Starting, Running, Restarting).
    void start(const QStringList &engineArguments);
    // Stops the engine, or the pending restart. Failed stays Failed (with its error) until started.
    void stop();
    // Refuses to start: Failed with this problem, without launching anything.
    void refuse(const ExportProblem &problem);

    const ExportStatus &status() const { return m_status; }
    // True while an engine runs or is about to (Starting, Running, Restarting, Stopping).
    bool isActive() const;

signals:
    void statusChanged(const aoesan::supervisor::ExportStatus &status);

private:
    void launch();
    void onLine(const QByteArray &line);
    void onClient(const QString &mac);
    void onClientsUnlisted(const event::Clients &clients);
    void onErrorOutput(const QByteArray &text);
    void onFinished(const ProcessExit &exit);
    void onStartTimeout();
    // What went wrong with the engine that just ended, from its error event, stderr and exit.
    ExportProblem problemFor(const ProcessExit &exit) const;
    bool restartCannotHelp(const ProcessExit &exit) const;
    void scheduleRestart(const ExportProblem &problem);
    void setState(ExportState state);
    void publish();
    void cancelTimers();
    void dropProcess();
    QString lastErrorLine() const;

    ProcessLauncher &m_launcher;
    SupervisorClock &m_clock;
    RestartPolicy m_policy;
    QStringList m_arguments;
    ExportStatus m_status;

    std::unique_ptr<EngineProcess> m_process;
    std::chrono::milliseconds m_launchedAt {0};
    bool m_stopRequested = false;
    bool m_startWhenStopped = false; // start() arrived while the old engine was still stopping
    std::optional<ExportProblem> m_engineError; // the current engine's `error` event
    std::optional<ExportProblem> m_override; // our own reason for killing it (start timeout)
    QByteArray m_stderrTail;
    int m_garbageLines = 0;
    QSet<QString> m_listedClients; // the MACs in m_status.clients, for a lookup that costs the same at any size
    int m_clientsLogged = 0;
    std::chrono::milliseconds m_nextUnlistedLogAt {0};
    TimerId m_restartTimer = 0;
    TimerId m_startTimer = 0;
    TimerId m_killTimer = 0;
};

} // namespace aoesan::supervisor
