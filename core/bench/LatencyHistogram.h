// SPDX-License-Identifier: GPL-3.0-or-later
// Latencies of a benchmark run, kept as counts in log-linear buckets (32 per power of two, so a
// percentile is within about 3 % of the true value) rather than as a list: recording is a few
// instructions and no allocation, whatever the number of I/Os, so the bench is never the ceiling.
#pragma once

#include <array>
#include <cstdint>

namespace aoesan::bench {

class LatencyHistogram
{
public:
    void record(std::uint64_t nanoseconds);
    std::uint64_t count() const { return m_count; }
    std::uint64_t max() const { return m_max; }
    std::uint64_t min() const { return m_count ? m_min : 0; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    // The smallest recorded latency at or above which lies the given fraction (0..1] of all, as the middle
    // of its bucket (never above max()); 0 when nothing was recorded.
    std::uint64_t percentile(double fraction) const;
    void merge(const LatencyHistogram &other);

    // Bucket layout, exposed for the tests: values below 64 ns have a bucket each; above, 32 per octave.
    static std::size_t bucketOf(std::uint64_t nanoseconds);
    static std::uint64_t lowerBound(std::size_t bucket);
    static std::uint64_t upperBound(std::size_t bucket); // exclusive

private:
    static constexpr std::size_t kExact = 64;
    static constexpr std::size_t kPerOctave = 32;
    static constexpr std::size_t kBuckets = kExact + (64 - 6) * kPerOctave;
    std::array<std::uint64_t, kBuckets> m_counts {};
    std::uint64_t m_count = 0;
    std::uint64_t m_sum = 0;
    std::uint64_t m_max = 0;
    std::uint64_t m_min = ~std::uint64_t {0};
};

} // namespace aoesan::bench
