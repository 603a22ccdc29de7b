// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery as the window sees it: starts the probe on the chosen interfaces (all Ethernet interfaces
// that are up when none are chosen), feeds the TargetModel in batches, reports up/down transitions for
// the tray and the log, and turns failures into a Problem with the fix. No protocol here: it shows what
// the probe reports.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "shell/Problem.h"
#include "supervisor/ProbeSupervisor.h"
#include "util/Result.h"

namespace aoesan::ui {

class TargetModel;

class DiscoveryController : public QObject
{
    Q_OBJECT

public:
    // `listInterfaces` answers the usable interface names when the user chose none (a seam for tests).
    using InterfaceLister = std::function<Result<QStringList, QString>()>;

    DiscoveryController(
        supervisor::ProbeSupervisor &probe, TargetModel &targets, InterfaceLister lister, QObject *parent = nullptr);

    void start(const QStringList &chosenInterfaces, std::chrono::milliseconds interval);
    void stop();
    void discoverNow();
    void forgetDown();
    // Per-target requests go to the running probe (see supervisor::ProbeSupervisor::send); false when none runs.
    bool sendRequest(const aoesan::discovery::ProbeRequest &request) { return m_probe.send(request); }

    const QStringList &interfaces() const { return m_interfaces; }
    QDateTime lastProbe() const { return m_lastProbe; }
    const std::optional<Problem> &problem() const { return m_problem; }
    bool isRunning() const { return m_running; }

    // Ethernet interfaces that are up, by name: the default when the user chose none (a fresh
    // configuration), resolved each time discovery starts. `sysfsNet` lets tests use a fake tree.
    static Result<QStringList, QString> upInterfaces(const std::string &sysfsNet = "/sys/class/net");

signals:
    void targetWentDown(const aoesan::discovery::TargetInfo &target);
    void targetCameBack(const aoesan::discovery::TargetInfo &target);
    void problemChanged(const std::optional<aoesan::ui::Problem> &problem);
    void statusChanged();
    void logMessage(const QString &message);
    void requestReplied(const aoesan::discovery::RequestReply &reply);
    void requestFailed(const aoesan::discovery::RequestFailure &failure);

private:
    void onStarted(const discovery::probe::Started &info);
    void onTargetEvent(const discovery::probe::TargetEvent &event);
    void flush();
    void setProblem(std::optional<Problem> problem);
    void noteProbe();

    supervisor::ProbeSupervisor &m_probe;
    TargetModel &m_targets;
    InterfaceLister m_lister;
    QStringList m_chosen; // as the settings say; empty: every Ethernet interface that is up
    QStringList m_interfaces; // what discovery runs on
    std::chrono::milliseconds m_interval {10000};
    std::vector<discovery::TargetInfo> m_pending; // upserts waiting for the next flush
    std::vector<discovery::TargetId> m_pendingRemovals;
    std::vector<std::pair<bool, discovery::TargetInfo>> m_pendingTransitions; // (up?, target)
    QSet<quint32> m_quietDown; // targets whose "down" was no news: their "back up" is none either
    QTimer m_flushTimer;
    QTimer m_probeClock; // follows the probe's interval for "last probe N s ago"
    QDateTime m_lastProbe;
    std::optional<Problem> m_problem;
    bool m_running = false;
};

} // namespace aoesan::ui
