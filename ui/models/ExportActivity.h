// SPDX-License-Identifier: GPL-3.0-or-later
// What one export has been doing lately, for the Exports page's throughput columns and its small graph:
// the rates between the last two samples of its engine's counters (supervisor/ExportRates, the figures
// `aoesan-ctl monitor` shows) and the last minute of them. The service sends a status only when something
// changed, so a quiet export gets no samples: tick() then records "nothing happened" itself, so the
// figures fall to zero instead of showing the last busy second forever.
#pragma once

#include <QList>
#include <QMetaType>

#include <deque>
#include <optional>

#include "supervisor/ExportRates.h"

namespace aoesan::ui {

struct ActivityPoint
{
    double readMiBPerSecond = 0;
    double writeMiBPerSecond = 0;
    bool operator==(const ActivityPoint &) const = default;
};
using ActivityHistory = QList<ActivityPoint>; // oldest first

class ExportActivity
{
public:
    static constexpr int kHistoryLength = 60; // about a minute of one-second samples
    static constexpr qint64 kQuietAfterMs = 2000; // no status this long: the counters did not move

    // A status arrived with these counters at `atMs` (a monotonic-enough clock, milliseconds). Returns
    // whether the rates changed. `serving`: an engine runs now (otherwise the history is cleared).
    bool sample(const supervisor::EngineCounters &counters, qint64 atMs, bool serving);
    // Called about once a second: records an idle interval when no status came for kQuietAfterMs.
    bool tick(qint64 nowMs);

    bool hasRates() const { return m_haveRates; }
    const supervisor::ExportRates &rates() const { return m_rates; }
    ActivityHistory history() const;
    ActivityPoint peaks() const; // the busiest second of each direction over the history
    double peakMiBPerSecond() const; // the larger of the two

private:
    struct Sample
    {
        supervisor::EngineCounters counters;
        qint64 atMs = 0;
    };
    void record(const supervisor::ExportRates &rates);

    std::optional<Sample> m_last;
    bool m_haveRates = false;
    supervisor::ExportRates m_rates;
    std::deque<ActivityPoint> m_history;
};

} // namespace aoesan::ui

Q_DECLARE_METATYPE(aoesan::ui::ActivityHistory)
