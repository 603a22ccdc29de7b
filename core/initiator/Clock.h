// SPDX-License-Identifier: GPL-3.0-or-later
// The time source of the initiator and of discovery: a monotonic now(), the wall time for "last seen",
// and single-shot timers. SystemClock runs on QTimer; unit tests use FakeClock (tests/support) and move
// time by hand, so no test sleeps and every timeout is exact.
#pragma once

#include <QObject>

#include <chrono>

namespace aoesan::initiator {

using Duration = std::chrono::steady_clock::duration;
using TimePoint = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

// A restartable single-shot timer; start() while active moves the deadline.
class Timer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Timer() override = default;

    virtual void start(Duration delay) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

signals:
    void timeout();
};

class Clock
{
public:
    Clock() = default;
    virtual ~Clock() = default;
    Clock(const Clock &) = delete;
    Clock &operator=(const Clock &) = delete;

    virtual TimePoint now() const = 0;
    virtual WallTime wallNow() const = 0;
    // A new timer owned by `parent` (Qt ownership); it fires through the event loop of parent's thread.
    virtual Timer *createTimer(QObject *parent) = 0;
};

} // namespace aoesan::initiator
