// SPDX-License-Identifier: GPL-3.0-or-later
// Spreads the unicast re-probes of a round over a few hundred milliseconds: a thousand paths asked at
// once answer at once, and a burst that size overflows a capture buffer (the lost answers would then
// count as silence, and targets would go down that are up). A few dozen every few milliseconds do not.
#pragma once

#include <QObject>

#include <deque>
#include <functional>

#include "discovery/TargetInfo.h"
#include "initiator/Replies.h"

namespace aoesan::discovery {

class ProbePacer : public QObject
{
    Q_OBJECT

public:
    using Send = std::function<void(TargetId id, const initiator::Peer &peer)>;

    ProbePacer(initiator::Clock &clock, int batch, initiator::Duration spacing, Send send, QObject *parent = nullptr);

    // Sends at once while the current batch has room, later otherwise.
    void enqueue(TargetId id, const initiator::Peer &peer);
    // Forgets what waits for this interface (it is being removed).
    void dropTransport(const net::Transport *transport);
    std::size_t queued() const { return m_queue.size(); }

private:
    void onTick();

    int m_batch;
    initiator::Duration m_spacing;
    Send m_send;
    initiator::Timer *m_timer;
    std::deque<std::pair<TargetId, initiator::Peer>> m_queue;
    int m_sentThisTick = 0;
};

} // namespace aoesan::discovery
