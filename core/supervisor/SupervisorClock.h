// SPDX-License-Identifier: GPL-3.0-or-later
// Time for the supervisor: how long an engine ran (a fast failure or a long good run), when to restart
// it and when to give up waiting for it. A seam, so unit tests step through back-off sequences of
// many seconds in no time; SteadySupervisorClock is the real one (monotonic, QTimer).
#pragma once

#include <QObject>
#include <QPointer>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>

class QTimer;

namespace aoesan::supervisor {

using TimerId = std::uint64_t;

class SupervisorClock
{
public:
    virtual ~SupervisorClock() = default;
    // Monotonic time since some fixed point.
    virtual std::chrono::milliseconds now() const = 0;
    // Runs `action` once after `delay` from the event loop, unless cancelled first or `context` is
    // destroyed. Never runs it before returning.
    virtual TimerId schedule(std::chrono::milliseconds delay, QObject *context, std::function<void()> action) = 0;
    // Cancelling an id that already ran (or 0) does nothing.
    virtual void cancel(TimerId id) = 0;
};

class SteadySupervisorClock final : public SupervisorClock
{
public:
    SteadySupervisorClock() = default;
    ~SteadySupervisorClock() override;
    SteadySupervisorClock(const SteadySupervisorClock &) = delete;
    SteadySupervisorClock &operator=(const SteadySupervisorClock &) = delete;

    std::chrono::milliseconds now() const override;
    TimerId schedule(std::chrono::milliseconds delay, QObject *context, std::function<void()> action) override;
    void cancel(TimerId id) override;

private:
    TimerId m_next = 1;
    std::map<TimerId, QPointer<QTimer>> m_timers;
};

} // namespace aoesan::supervisor
