// SPDX-License-Identifier: GPL-3.0-or-later
#include "initiator/FakeClock.h"

#include <QCoreApplication>

#include <algorithm>

namespace aoesan::initiator {

class FakeTimer final : public Timer
{
public:
    explicit FakeTimer(FakeClock *clock, QObject *parent)
        : Timer(parent)
        , m_clock(clock)
    { }

    void start(Duration delay) override
    {
        m_deadline = m_clock ? m_clock->now() + std::max(delay, Duration::zero()) : TimePoint();
        m_active = true;
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }

    TimePoint deadline() const { return m_deadline; }
    void fire()
    {
        m_active = false;
        emit timeout();
    }

private:
    QPointer<FakeClock> m_clock;
    TimePoint m_deadline;
    bool m_active = false;
};

FakeClock::FakeClock(QObject *parent)
    : QObject(parent)
    , m_now(std::chrono::hours(1000))
{ }

WallTime FakeClock::wallNow() const
{
    // A fixed, recognisable epoch (2030-01-01 UTC) moved along with the monotonic time.
    constexpr std::chrono::seconds kEpoch(1893456000);
    return WallTime(
        std::chrono::duration_cast<WallTime::duration>(kEpoch + (m_now - TimePoint(std::chrono::hours(1000)))));
}

Timer *FakeClock::createTimer(QObject *parent)
{
    auto *timer = new FakeTimer(this, parent);
    m_timers.emplace_back(timer);
    return timer;
}

namespace {

// Counts every event the application delivers, so settle() knows when a round delivered nothing.
class DeliveryCounter final : public QObject
{
public:
    bool eventFilter(QObject *, QEvent *) override
    {
        ++count;
        return false;
    }
    std::uint64_t count = 0;
};

} // namespace

void FakeClock::settle()
{
    // sendPostedEvents() delivers only what was queued before it started; each delivery may queue an answer,
    // whose delivery queues the next. Repeat until a round delivers nothing.
    auto *app = QCoreApplication::instance();
    if (!app)
        return;
    DeliveryCounter counter;
    app->installEventFilter(&counter);
    for (int round = 0; round < 100000; ++round) {
        const std::uint64_t before = counter.count;
        QCoreApplication::sendPostedEvents();
        if (counter.count == before)
            break;
    }
    app->removeEventFilter(&counter);
}

void FakeClock::advance(Duration by)
{
    const TimePoint end = m_now + by;
    settle();
    for (;;) {
        std::erase_if(m_timers, [](const QPointer<Timer> &t) { return t.isNull(); });
        FakeTimer *next = nullptr;
        for (const auto &t : m_timers) {
            auto *fake = static_cast<FakeTimer *>(t.data());
            if (fake->isActive() && fake->deadline() <= end && (!next || fake->deadline() < next->deadline()))
                next = fake;
        }
        if (!next)
            break;
        m_now = std::max(m_now, next->deadline());
        next->fire();
        settle();
    }
    m_now = end;
    settle();
}

} // namespace aoesan::initiator
