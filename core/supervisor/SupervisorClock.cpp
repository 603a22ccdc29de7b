// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/SupervisorClock.h"

#include <QTimer>

namespace aoesan::supervisor {

SteadySupervisorClock::~SteadySupervisorClock()
{
    for (auto &[id, timer] : m_timers)
        delete timer.data();
}

std::chrono::milliseconds SteadySupervisorClock::now() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

TimerId SteadySupervisorClock::schedule(std::chrono::milliseconds delay, QObject *context, std::function<void()> action)
{
    const TimerId id = m_next++;
    // The timer is the context's child: it goes when the context goes, and the action with it.
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [this, id, timer, run = std::move(action)]() {
        m_timers.erase(id);
        timer->deleteLater();
        run();
    });
    m_timers.emplace(id, timer);
    timer->start(delay);
    // Forget ids of timers whose context is gone, so the map does not grow over a long run.
    std::erase_if(m_timers, [](const auto &entry) { return entry.second.isNull(); });
    return id;
}

void SteadySupervisorClock::cancel(TimerId id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    delete it->second.data();
    m_timers.erase(it);
}

} // namespace aoesan::supervisor
