// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/ProbePacer.h"

#include <algorithm>

namespace aoesan::discovery {

ProbePacer::ProbePacer(initiator::Clock &clock, int batch, initiator::Duration spacing, Send send, QObject *parent)
    : QObject(parent)
    , m_batch(std::max(1, batch))
    , m_spacing(std::max(spacing, initiator::Duration(std::chrono::milliseconds(1))))
    , m_send(std::move(send))
    , m_timer(clock.createTimer(this))
{
    connect(m_timer, &initiator::Timer::timeout, this, &ProbePacer::onTick);
}

void ProbePacer::enqueue(TargetId id, const initiator::Peer &peer)
{
    if (!m_timer->isActive()) {
        // A quiet pacer starts a new batch now.
        m_sentThisTick = 0;
        m_timer->start(m_spacing);
    }
    if (m_sentThisTick < m_batch && m_queue.empty()) {
        ++m_sentThisTick;
        m_send(id, peer);
        return;
    }
    m_queue.emplace_back(id, peer);
}

void ProbePacer::dropTransport(const net::Transport *transport)
{
    std::erase_if(m_queue, [transport](const auto &entry) { return entry.second.transport == transport; });
}

void ProbePacer::onTick()
{
    m_sentThisTick = 0;
    while (m_sentThisTick < m_batch && !m_queue.empty()) {
        const auto [id, peer] = m_queue.front();
        m_queue.pop_front();
        ++m_sentThisTick;
        m_send(id, peer);
    }
    // Keep ticking one more spacing after the last batch, so a burst of enqueues right after it waits too.
    if (!m_queue.empty() || m_sentThisTick > 0)
        m_timer->start(m_spacing);
}

} // namespace aoesan::discovery
