// SPDX-License-Identifier: GPL-3.0-or-later
// A clock for unit tests: time stands still until advance() moves it, firing due timers in deadline
// order and delivering the queued frames (MemoryTransport) that each firing causes.
#pragma once

#include <QObject>
#include <QPointer>

#include <vector>

#include "initiator/Clock.h"

namespace aoesan::initiator {

class FakeClock final : public QObject, public Clock
{
    Q_OBJECT

public:
    explicit FakeClock(QObject *parent = nullptr);

    TimePoint now() const override { return m_now; }
    WallTime wallNow() const override;
    Timer *createTimer(QObject *parent) override;

    // Moves time forward by `by`, firing every timer that falls due on the way, each at its own deadline.
    void advance(Duration by);
    // Delivers queued events (frames in flight on a MemoryLink, queued signals) without moving time.
    static void settle();

private:
    friend class FakeTimer;
    TimePoint m_now;
    std::vector<QPointer<Timer>> m_timers;
};

} // namespace aoesan::initiator
