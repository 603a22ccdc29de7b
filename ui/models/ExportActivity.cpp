// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ExportActivity.h"

#include <algorithm>

namespace aoesan::ui {

namespace {
// Two statuses closer than this (a state change right after a counters event) would make a rate out of
// a few milliseconds of traffic: the earlier sample is kept and the rate waits for the next one.
constexpr qint64 kShortestIntervalMs = 500;
} // namespace

bool ExportActivity::sample(const supervisor::EngineCounters &counters, qint64 atMs, bool serving)
{
    if (!serving) {
        const bool had = m_last.has_value() || !m_history.empty();
        m_last.reset();
        m_haveRates = false;
        m_rates = {};
        m_history.clear();
        return had;
    }
    if (!m_last) {
        m_last = Sample {counters, atMs};
        return false;
    }
    const qint64 interval = atMs - m_last->atMs;
    if (interval < kShortestIntervalMs && !(counters.framesIn < m_last->counters.framesIn))
        return false;
    record(supervisor::ratesBetween(m_last->counters, counters, double(std::max<qint64>(interval, 1)) / 1000.0));
    m_last = Sample {counters, atMs};
    return true;
}

bool ExportActivity::tick(qint64 nowMs)
{
    if (!m_last || nowMs - m_last->atMs < kQuietAfterMs)
        return false;
    // No status since the last sample: the service says nothing while the counters stand still.
    return sample(m_last->counters, nowMs, true);
}

void ExportActivity::record(const supervisor::ExportRates &rates)
{
    m_rates = rates;
    m_haveRates = true;
    m_history.push_back({rates.readMiBPerSecond, rates.writeMiBPerSecond});
    while (m_history.size() > std::size_t(kHistoryLength))
        m_history.pop_front();
}

ActivityHistory ExportActivity::history() const
{
    return ActivityHistory(m_history.begin(), m_history.end());
}

ActivityPoint ExportActivity::peaks() const
{
    ActivityPoint peak;
    for (const auto &p : m_history) {
        peak.readMiBPerSecond = std::max(peak.readMiBPerSecond, p.readMiBPerSecond);
        peak.writeMiBPerSecond = std::max(peak.writeMiBPerSecond, p.writeMiBPerSecond);
    }
    return peak;
}

double ExportActivity::peakMiBPerSecond() const
{
    const ActivityPoint peak = peaks();
    return std::max(peak.readMiBPerSecond, peak.writeMiBPerSecond);
}

} // namespace aoesan::ui
