// SPDX-License-Identifier: GPL-3.0-or-later
#include "initiator/SystemClock.h"

#include <QTimer>

namespace aoesan::initiator {

namespace {

class QtTimer final : public Timer
{
public:
    explicit QtTimer(QObject *parent)
        : Timer(parent)
        , m_timer(new QTimer(this))
    {
        // Retransmit timeouts are tens of milliseconds; the coarse default could add 5 % to each.
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &Timer::timeout);
    }

    void start(Duration delay) override
    {
        // Round up: firing a little late is harmless, firing early would find nothing due and spin.
        const auto ms = std::chrono::ceil<std::chrono::milliseconds>(delay);
        m_timer->start(std::max(ms, std::chrono::milliseconds(0)));
    }
    void stop() override { m_timer->stop(); }
    bool isActive() const override { return m_timer->isActive(); }

private:
    QTimer *m_timer;
};

} // namespace

Timer *SystemClock::createTimer(QObject *parent)
{
    return new QtTimer(parent);
}

} // namespace aoesan::initiator
