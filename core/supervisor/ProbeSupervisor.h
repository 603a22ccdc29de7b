// SPDX-License-Identifier: GPL-3.0-or-later
// Runs `aoesan-engine probe` through a ProbeLauncher and turns its JSON Lines into typed events, under the
// same restart policy as the exports' engines (RestartPolicy: doubling delays, a cap, giving up after
// repeated fast failures). Errors a restart cannot fix (no permission, bad arguments, an engine that is
// not there) stop it with a problem that names the fix. The service's discovery runs on it.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

#include "discovery/DiscoveryLimit.h"
#include "discovery/ProbeEvent.h"
#include "supervisor/ExportRunner.h"
#include "supervisor/ExportStatus.h"
#include "supervisor/ProbeProcess.h"

namespace aoesan::supervisor {

class ProbeSupervisor : public QObject
{
    Q_OBJECT

public:
    // Discovery should keep trying longer than an export: six fast failures, first delay 1 s.
    static RestartPolicy defaultPolicy();

    explicit ProbeSupervisor(
        ProbeLauncher &launcher, RestartPolicy policy = defaultPolicy(), QObject *parent = nullptr);
    ~ProbeSupervisor() override;

    // maxTargets: discovery's bound (--max-targets); passed only when it is not the probe's default.
    void start(const QStringList &interfaces, std::chrono::milliseconds interval,
        std::uint32_t maxTargets = discovery::kDefaultMaxTargets);
    void stop();
    void probeNow();
    // Writes a command line (discovery/ProbeRequest.h); false when no probe runs to take it. A per-target
    // request's answer arrives as replied() or requestFailed() with the same id.
    bool send(const aoesan::discovery::ProbeRequest &request);
    bool isRunning() const { return m_process != nullptr; }
    // Started and said so: per-target requests are taken.
    bool isReady() const { return m_process != nullptr && m_sawStarted; }
    int restarts() const { return m_restarts; }

    // The first-restart delay (tests make it short).
    void setRestartDelay(std::chrono::milliseconds delay) { m_policy.firstDelay = delay; }

signals:
    void started(const aoesan::discovery::probe::Started &info);
    void targetEvent(const aoesan::discovery::probe::TargetEvent &event);
    void warning(const QString &message);
    // Discovery's bounds were reached or cleared (the probe's `limit` event).
    void limitChanged(const aoesan::discovery::DiscoveryLimit &limit);
    // Discovery cannot go on until a person acts.
    void problem(const aoesan::supervisor::ExportProblem &problem);
    void restarting(int attempt, std::chrono::milliseconds delay);
    // The running probe ended (before a restart or a problem): its open requests will get no answer.
    void ended();
    void replied(const aoesan::discovery::RequestReply &reply);
    void requestFailed(const aoesan::discovery::RequestFailure &failure);

private:
    void launch();
    void onLine(const QByteArray &line);
    void onFinished(const ProcessExit &exit);

    ProbeLauncher &m_launcher;
    RestartPolicy m_policy;
    std::unique_ptr<ProbeProcess> m_process;
    QStringList m_arguments;
    QTimer m_restartTimer;
    std::optional<ExportProblem> m_lastError; // the running probe's error event
    QByteArray m_stderrTail;
    int m_failuresInARow = 0;
    int m_restarts = 0;
    bool m_sawStarted = false;
};

} // namespace aoesan::supervisor
