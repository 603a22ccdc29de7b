// SPDX-License-Identifier: GPL-3.0-or-later
// Runs `aoesan-engine probe` through a ProbeLauncher and turns its JSON Lines into typed events.
// An unexpected end restarts it with back-off; errors a restart cannot fix (no permission, bad
// arguments, an engine that is not there) stop it with a Problem that names the fix.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

#include "discovery/ProbeEvent.h"
#include "discovery/ProbeProcess.h"
#include "shell/Problem.h"

namespace aoesan::ui {

class ProbeClient : public QObject
{
    Q_OBJECT

public:
    explicit ProbeClient(ProbeLauncher &launcher, QObject *parent = nullptr);
    ~ProbeClient() override;

    void start(const QStringList &interfaces, std::chrono::milliseconds interval);
    void stop();
    void probeNow();
    // Writes a per-target request (discovery/ProbeRequest.h); false when no probe runs to take it. Its
    // answer arrives as replied() or requestFailed() with the same id.
    bool send(const aoesan::discovery::ProbeRequest &request);
    bool isRunning() const { return m_process != nullptr; }
    int restarts() const { return m_restarts; }

    // The first-restart delay; doubles per failure up to 30 s. Tests make it short.
    void setRestartDelay(std::chrono::milliseconds delay) { m_firstDelay = delay; }

signals:
    void started(const aoesan::discovery::probe::Started &info);
    void targetEvent(const aoesan::discovery::probe::TargetEvent &event);
    void warning(const QString &message);
    // Discovery cannot go on until a person acts (or it will be retried: see restarting()).
    void problem(const aoesan::ui::Problem &problem);
    void restarting(int attempt, std::chrono::milliseconds delay);
    void replied(const aoesan::discovery::RequestReply &reply);
    void requestFailed(const aoesan::discovery::RequestFailure &failure);

private:
    void launch();
    void onLine(const QByteArray &line);
    void onFinished(const supervisor::ProcessExit &exit);

    ProbeLauncher &m_launcher;
    std::unique_ptr<ProbeProcess> m_process;
    QStringList m_arguments;
    QTimer m_restartTimer;
    std::chrono::milliseconds m_firstDelay {1000};
    std::optional<Problem> m_lastError; // the running probe's error event
    QByteArray m_stderrTail;
    int m_failuresInARow = 0;
    int m_restarts = 0;
    bool m_sawStarted = false;
};

} // namespace aoesan::ui
