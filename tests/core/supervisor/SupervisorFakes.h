// SPDX-License-Identifier: GPL-3.0-or-later
// Fakes for the supervisor's seams: a clock the test moves by hand (timers fire in order, in no real
// time) and a launcher whose processes start, print and end when the test says so, recording what
// the supervisor did to them (arguments, SIGTERM, SIGKILL).
#pragma once

#include <QList>
#include <QPointer>

#include <map>
#include <memory>
#include <vector>

#include "supervisor/ProcessLauncher.h"
#include "supervisor/SupervisorClock.h"

namespace aoesan::test {

class FakeSupervisorClock final : public supervisor::SupervisorClock
{
public:
    std::chrono::milliseconds now() const override { return m_now; }
    supervisor::TimerId schedule(
        std::chrono::milliseconds delay, QObject *context, std::function<void()> action) override;
    void cancel(supervisor::TimerId id) override;

    // Moves time forward, running every timer that falls due on the way, in order.
    void advance(std::chrono::milliseconds by);
    // The delay until the next pending timer; nullopt when none is pending.
    std::optional<std::chrono::milliseconds> nextDue() const;
    std::size_t pending() const { return m_timers.size(); }

private:
    struct Timer
    {
        std::chrono::milliseconds due;
        QPointer<QObject> context;
        std::function<void()> action;
    };
    std::chrono::milliseconds m_now {0};
    supervisor::TimerId m_next = 1;
    std::map<supervisor::TimerId, Timer> m_timers;
};

class FakeEngineProcess final : public supervisor::EngineProcess
{
    Q_OBJECT

public:
    explicit FakeEngineProcess(qint64 pid, QStringList arguments)
        : m_pid(pid)
        , m_arguments(std::move(arguments))
    { }

    qint64 pid() const override { return m_ended ? 0 : m_pid; }
    void terminate() override { ++m_terminates; }
    void kill() override;

    // What the test makes the engine do.
    void print(const QByteArray &line) { emit lineReceived(line); }
    void printStarted(); // a `started` event with this pid
    void printError(const QString &code, const QString &message, const QString &fix = {});
    void printStopped(); // a `stopped` event
    void printStderr(const QByteArray &text) { emit errorOutput(text); }
    void end(const supervisor::ProcessExit &exit);

    const QStringList &arguments() const { return m_arguments; }
    int terminates() const { return m_terminates; }
    int kills() const { return m_kills; }
    bool ended() const { return m_ended; }

private:
    qint64 m_pid;
    QStringList m_arguments;
    int m_terminates = 0;
    int m_kills = 0;
    bool m_ended = false;
};

class FakeProcessLauncher final : public supervisor::ProcessLauncher
{
public:
    std::unique_ptr<supervisor::EngineProcess> launch(const QStringList &arguments) override;

    int launches() const { return int(m_launched.size()); }
    // The most recent process; null when none was launched or it was deleted.
    FakeEngineProcess *last() const { return m_launched.empty() ? nullptr : m_launched.back().data(); }
    QStringList lastArguments() const { return m_lastArguments; }

private:
    std::vector<QPointer<FakeEngineProcess>> m_launched;
    QStringList m_lastArguments;
    qint64 m_nextPid = 1000;
};

} // namespace aoesan::test
