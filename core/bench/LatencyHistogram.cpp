// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace aoesan::bench {

std::size_t LatencyHistogram::bucketOf(std::uint64_t ns)
{
    if (ns < kExact)
        return static_cast<std::size_t>(ns);
    const int msb = 63 - std::countl_zero(ns); // >= 6
    const int shift = msb - 5;
    const std::uint64_t mantissa = ns >> shift; // 32..63
    return kExact + std::size_t(msb - 6) * kPerOctave + std::size_t(mantissa - kPerOctave);
}

std::uint64_t LatencyHistogram::lowerBound(std::size_t bucket)
{
    if (bucket < kExact)
        return bucket;
    const std::size_t octave = (bucket - kExact) / kPerOctave;
    const std::uint64_t mantissa = kPerOctave + (bucket - kExact) % kPerOctave;
    return mantissa << (octave + 1);
}

std::uint64_t LatencyHistogram::upperBound(std::size_t bucket)
{
    if (bucket < kExact)
        return bucket + 1;
    const std::size_t octave = (bucket - kExact) / kPerOctave;
    return lowerBound(bucket) + (std::uint64_t {1} << (octave + 1));
}

void LatencyHistogram::record(std::uint64_t ns)
{
    ++m_counts[bucketOf(ns)];
    ++m_count;
    m_sum += ns;
    m_max = std::max(m_max, ns);
    m_min = std::min(m_min, ns);
}

std::uint64_t LatencyHistogram::percentile(double fraction) const
{
    if (m_count == 0)
        return 0;
    fraction = std::clamp(fraction, 0.0, 1.0);
    // The rank of the wanted value, 1-based: the p99 of 1,000 values is the 990th smallest.
    const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(fraction * double(m_count))));
    if (rank >= m_count)
        return m_max; // the largest value is known exactly
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
        seen += m_counts[b];
        if (seen >= rank) {
            const std::uint64_t middle = lowerBound(b) + (upperBound(b) - lowerBound(b)) / 2;
            return std::clamp(middle, min(), m_max);
        }
    }
    return m_max;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (std::size_t b = 0; b < kBuckets; ++b)
        m_counts[b] += other.m_counts[b];
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_max = std::max(m_max, other.m_max);
    if (other.m_count)
        m_min = std::min(m_min, other.m_min);
}

} // namespace aoesan::bench
