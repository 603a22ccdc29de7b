// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery as the window sees it: the service's targets (through the SanLink mirror) fed to the
// TargetModel in batches, up/down transitions for the tray and the log, the service's discovery problem
// (and its absence while it is gone) as a Problem with the fix, and the person's commands (Discover now,
// Forget down, the interfaces to watch, per-target requests) sent to the service. No protocol and no
// process here: the service runs the probe.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <map>
#include <optional>
#include <vector>

#include "discovery/DiscoveryLimit.h"
#include "discovery/ProbeRequest.h"
#include "discovery/TargetInfo.h"
#include "shell/Problem.h"

namespace aoesan::ui {

class SanLink;
class TargetModel;

// RequestFailure codes of failures the service reported before the probe saw the request.
namespace request_failure {
inline constexpr char kNoDiscovery[] = "no-discovery"; // discovery is not running (or no service)
inline constexpr char kService[] = "service"; // any other service error: its message is for the person
} // namespace request_failure

class DiscoveryController : public QObject
{
    Q_OBJECT

public:
    DiscoveryController(SanLink &link, TargetModel &targets, QObject *parent = nullptr);
    // The service link it reads (the window's other service calls share it).
    SanLink &link() const { return m_link; }

    // The interfaces to watch (none: every Ethernet interface that is up) and the probe interval, for
    // the service (Manager.SetInterfaces). A failure becomes the problem.
    void configure(const QStringList &interfaces, std::chrono::seconds interval);
    // Quitting: no more transitions are reported (exports going away are not targets going down).
    void stop();
    void discoverNow();
    void forgetDown();
    // Per-target requests go to the service (Target.Request); false when no service answers. The
    // answer comes as requestReplied or requestFailed with the request's id.
    bool sendRequest(const aoesan::discovery::ProbeRequest &request);

    QStringList interfaces() const;
    // What the service's setting says (empty: every Ethernet interface that is up) and its interval.
    QStringList interfacesSetting() const;
    std::chrono::seconds interval() const;
    QDateTime lastProbe() const;
    const std::optional<Problem> &problem() const { return m_problem; }
    // Discovery's bounds (Manager.DiscoveryLimit): `reached` while it refuses new targets or paths.
    discovery::DiscoveryLimit limit() const;
    bool isRunning() const;

signals:
    void targetWentDown(const aoesan::discovery::TargetInfo &target);
    void targetCameBack(const aoesan::discovery::TargetInfo &target);
    void problemChanged(const std::optional<aoesan::ui::Problem> &problem);
    void statusChanged();
    void logMessage(const QString &message);
    void requestReplied(const aoesan::discovery::RequestReply &reply);
    void requestFailed(const aoesan::discovery::RequestFailure &failure);

private:
    void onTargetUpdated(quint32 key, bool added);
    void onTargetRemoved(quint32 key, const discovery::TargetInfo &last);
    void onManager();
    void flush();
    void setProblem(std::optional<Problem> problem);
    std::optional<Problem> currentProblem() const;

    SanLink &m_link;
    TargetModel &m_targets;
    std::map<quint32, discovery::TargetState> m_states; // each target's last state, for transitions
    std::vector<discovery::TargetInfo> m_pending; // upserts waiting for the next flush
    std::vector<discovery::TargetId> m_pendingRemovals;
    std::vector<std::pair<bool, discovery::TargetInfo>> m_pendingTransitions; // (up?, target)
    QSet<quint32> m_quietDown; // targets whose "down" was no news: their "back up" is none either
    QTimer m_flushTimer;
    QStringList m_announced; // the interfaces "Discovery started on" last named
    std::optional<Problem> m_problem;
    std::optional<Problem> m_callProblem; // the last failed call (SetInterfaces ...), until the next change
    bool m_limitReached = false; // as last announced in the log
    bool m_stopped = false;
};

} // namespace aoesan::ui
