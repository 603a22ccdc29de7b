// SPDX-License-Identifier: GPL-3.0-or-later
// The real clock: std::chrono::steady_clock and precise QTimers.
#pragma once

#include "initiator/Clock.h"

namespace aoesan::initiator {

class SystemClock final : public Clock
{
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
    WallTime wallNow() const override { return std::chrono::system_clock::now(); }
    Timer *createTimer(QObject *parent) override;
};

} // namespace aoesan::initiator
